import type { Fault } from "./fault.js";

export const malformedJsonCrash = {
  id: "malformed-json-crash",
  title: "A body that is not JSON gets an HTML error page with HTTP 500",
  breaks: ["malformed-body-rejected", "http-200", "envelope-json"],
  allCommands: true,
  rewrite: ({ req, envelope }) => {
    let parses = true;
    try {
      JSON.parse(req.body);
    } catch {
      parses = false;
    }
    return parses
      ? envelope
      : {
          status: 500,
          headers: { "content-type": "text/html" },
          body: "<html><body>500 Internal Server Error</body></html>",
        };
  },
} satisfies Fault;
