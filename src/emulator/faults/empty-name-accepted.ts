import type { Fault } from "./fault.js";

export const emptyNameAccepted = {
  id: "empty-name-accepted",
  title: "An empty group name is accepted",
  breaks: ["name-empty-rejected"],
  behaviour: { rejectEmptyName: false },
} satisfies Fault;
