/** The service each command is served under (docs/sources/tencent-im-rest.md §2): the account calls live apart from sns. */
const SERVICE: Readonly<Record<string, string>> = {
  account_import: "im_open_login_svc",
  multiaccount_import: "im_open_login_svc",
  account_delete: "im_open_login_svc",
  account_check: "im_open_login_svc",
};

/** The REST path of a command: /v4/<service>/<command>. */
export const pathOf = (command: string): string => `/v4/${SERVICE[command] ?? "sns"}/${command}`;

/** The command a REST path names, or "" when it names none. */
export const commandOf = (path: string): string => /^\/v4\/\w+\/(\w+)/.exec(path)?.[1] ?? "";

/** Every command the suite calls: group_add and the helper calls it sets up, reads and resets with. */
export const COMMANDS: readonly string[] = [
  "group_add",
  "group_get",
  "group_delete",
  "friend_import",
  "friend_add",
  "friend_get_list",
  "friend_delete",
  "account_import",
  "multiaccount_import",
  "account_check",
];
