/** The examples of the group_add page (https://cloud.tencent.com/document/product/269/10107), verbatim: what every schema and check must accept. */
export const SEED_REQUEST = {
  From_Account: "id",
  GroupName: ["group1", "group2", "group3"],
  To_Account: ["id1", "id2", "id3"],
};

export const SEED_PLAIN_RESPONSE = {
  CurrentSequence: 2,
  ActionStatus: "OK",
  ErrorCode: 0,
  ErrorInfo: "",
  ErrorDisplay: "",
};

export const SEED_FULL_RESPONSE = {
  ResultItem: [
    { To_Account: "id1", ResultCode: 0, ResultInfo: "" },
    { To_Account: "id2", ResultCode: 32216, ResultInfo: "Err_SNS_GroupAdd_ToTinyId_Not_Friend" },
    { To_Account: "id3", ResultCode: 30002, ResultInfo: "ERR_SDKAPPID_ILLEGAL" },
  ],
  Fail_Account: ["id2", "id3"],
  CurrentSequence: 3,
  ActionStatus: "OK",
  ErrorCode: 0,
  ErrorInfo: "",
  ErrorDisplay: "",
};
