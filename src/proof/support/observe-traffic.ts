import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import { mintUserSig } from "../../core/usersig/sign.js";

const run = promisify(execFile);

/**
 * An app's integration tests as a Python `requests` client writes them against group_add: accounts
 * and friends set up, groups added with friends, a stranger and an account of unknown relation,
 * read back, deleted, read again. `edges` adds what such tests send to check error handling: the
 * requests the docs forbid (33 names, an empty or 31-byte name, a body that is no JSON, a missing
 * field, a wrong type, an empty From_Account, 1001 accounts), each of which the client judge
 * faults and the service must refuse.
 */
const SCRIPT = `import json, sys, requests
query, edges = sys.argv[1], sys.argv[2] == "edges"
def app(base):
  s = requests.Session()
  n = [0]
  def call(path, body=None, data=None):
      n[0] += 1
      url = "%s%s?%s&random=%d&contenttype=json" % (base, path, query, n[0])
      r = s.post(url, json=body, timeout=20) if data is None else s.post(url, data=data, headers={"Content-Type": "application/json"}, timeout=20)
      return r.status_code
  ADD, GET, DEL = "/v4/sns/group_add", "/v4/sns/group_get", "/v4/sns/group_delete"
  U = ["ob_u1", "ob_u2", "ob_u3", "ob_u4"]
  read = lambda: call(GET, {"From_Account": "ob_u1", "NeedFriend": "Need_Friend_Type_Yes", "LastSequence": 0})
  call("/v4/im_open_login_svc/multiaccount_import", {"AccountList": [{"UserID": u} for u in U]})
  call("/v4/sns/friend_import", {"From_Account": "ob_u1", "AddFriendItem": [{"To_Account": u, "AddSource": "AddSource_Type_App"} for u in U[1:3]]})
  call("/v4/sns/friend_delete", {"From_Account": "ob_u1", "To_Account": ["ob_u3"], "DeleteType": "Delete_Type_Single"})
  read()
  call(ADD, {"From_Account": "ob_u1", "GroupName": ["g1", "g2", "g5"], "To_Account": U[1:]})
  read()
  call(ADD, {"From_Account": "ob_u1", "GroupName": ["g3", "\\U00020000\\U00020001"]})
  read()
  call(ADD, {"From_Account": "ob_u1", "GroupName": ["g4"], "To_Account": ["ob_u2"]})
  read()
  call(DEL, {"From_Account": "ob_u1", "GroupName": ["g1", "g2"]})
  read()
  call(ADD, {"From_Account": "ob_u2", "GroupName": ["h1"], "To_Account": None})
  if edges:
      call(ADD, {"From_Account": "ob_u1", "GroupName": ["n%d" % k for k in range(33)]})
      read()
      call(ADD, {"From_Account": "ob_u1", "GroupName": [""]})
      call(ADD, {"From_Account": "ob_u1", "GroupName": ["x" * 31]})
      call(ADD, {"From_Account": "ob_u1", "GroupName": ["\\u7ec4" * 11]})
      call(ADD, data="{not json")
      call(ADD, {"GroupName": ["g6"]})
      call(ADD, {"From_Account": "ob_u1", "GroupName": "g7"})
      call(ADD, {"From_Account": "", "GroupName": ["g8"]})
      call(ADD, {"From_Account": "ob_u1", "GroupName": ["g9"], "To_Account": ["x%d" % k for k in range(1001)]})
      read()
  return n[0]
print(sum(app(base) for base in sys.argv[3:]))`;

/** A python3 that has requests: Debian's (apt-get install python3-requests) or the one on PATH. */
export function pythonWithRequests(): string {
  for (const py of ["/usr/bin/python3", "python3"]) {
    if (spawnSync(py, ["-c", "import requests"]).status === 0) return py;
  }
  throw new Error("no python3 with requests here: apt-get install python3-requests (.ci/run does)");
}

/** The admin query (sdkappid, identifier, usersig) of the emulator's development credentials. */
export const adminQuery = (secretKey: string = EMULATOR_DEFAULTS.secretKey): string =>
  `sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${mintUserSig({ ...EMULATOR_DEFAULTS, secretKey, expire: 3600, now: Math.floor(Date.now() / 1000) })}`;

/**
 * Runs the app's tests against each base URL in turn, in one Python process (asynchronously: the
 * observers answer from this process); returns the calls made in all.
 */
export async function appTraffic(
  bases: readonly string[],
  edges: boolean,
  o: { env?: NodeJS.ProcessEnv; query?: string } = {},
): Promise<number> {
  const args = ["-c", SCRIPT, o.query ?? adminQuery(), edges ? "edges" : "plain", ...bases];
  const { stdout } = await run(pythonWithRequests(), args, { env: o.env ?? process.env, encoding: "utf8" });
  return Number(stdout.trim());
}
