import type { Fault } from "./fault.js";

export const emptyNameAccepted = {
  id: "empty-name-accepted",
  title: "An empty group name is accepted",
  breaks: ["name-empty-rejected", "failed-call-no-change"],
  behaviour: { rejectEmptyName: false },
} satisfies Fault;
