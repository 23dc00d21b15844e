"""The eight lifecycle stages, recorded facts, referrals and their tree, and qualification
(issue 4, DOMAIN parts 5 and 6)."""


def extend(ns):
    obj, ref, arr, ok, body, qp = ns["obj"], ns["ref"], ns["arr"], ns["ok"], ns["body"], ns["qp"]
    S, I, B, ID, IDN, DT, DTN, PID = ns["S"], ns["I"], ns["B"], ns["ID"], ns["IDN"], ns["DT"], ns["DTN"], ns["PID"]
    stages = ["suspect", "prospect", "firstPurchase", "repeatBuyer", "longTerm", "advocate", "strategicPartner", "partner"]
    STAGE = {"type": "string", "enum": stages}
    STAGEN = {"type": ["string", "null"], "enum": stages + [None]}
    FACT = {"type": "string", "enum": ["exclusive", "agent", "distributor", "shareholder"]}
    ANSWER = {"type": "string", "enum": ["unknown", "yes", "no"]}
    WARNING = {"type": "string", "enum": ["acquaintance", "oldCustomer", "bigName", "sentBySuperior"]}
    CODES = ["partnership", "referrals", "exclusive", "longTerm", "repeatOrders", "firstOrder", "openDeals", "qualified", "noFacts"]
    MONTH = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}
    schemas = ns["schemas"]
    schemas.update({
        "LifecycleReason": obj({"code": {"type": "string", "enum": CODES},
                                "args": {"type": "object", "additionalProperties": S,
                                         "description": "e.g. orders, since, referrals, kind, evidence"}}),
        "CustomerLifecycle": obj({"customerID": ID, "stage": STAGE, "reason": ref("LifecycleReason"),
                                  "since": {**DTN, "description": "absent for a suspect never computed"},
                                  "computedAt": DTN}, required=["customerID", "stage", "reason"]),
        "LifecycleChange": obj({"customerID": ID, "from": STAGEN, "to": STAGE, "reason": ref("LifecycleReason"),
                                "month": MONTH, "at": DT}, required=["customerID", "to", "reason", "month", "at"]),
        "LifecycleFact": obj({"id": ID, "customerID": ID, "kind": FACT, "evidence": S, "recordedBy": IDN,
                              "recordedAt": DT, "revokedAt": DTN, "revokedBy": IDN},
                             required=["id", "customerID", "kind", "evidence", "recordedAt"]),
        "LifecycleFactInput": obj({"kind": FACT, "evidence": S}, required=["kind", "evidence"]),
        "CustomerLifecycleView": obj({"lifecycle": ref("CustomerLifecycle"), "history": arr(ref("LifecycleChange")),
                                      "facts": arr(ref("LifecycleFact"))}),
        "LifecycleSummary": obj({
            "stages": arr(obj({"stage": STAGE, "count": I})),
            "flow": arr(obj({"month": MONTH, "from": STAGEN, "to": STAGE, "count": I}, required=["month", "to", "count"]))}),
        "Referral": obj({"id": ID, "subjectKind": {"type": "string", "enum": ["customer", "contact"]}, "subjectID": ID,
                         "referrerCustomerID": ID, "referrerContactID": IDN, "note": S, "recordedBy": IDN,
                         "recordedAt": DT},
                        required=["id", "subjectKind", "subjectID", "referrerCustomerID", "note", "recordedAt"]),
        "ReferralInput": obj({"referrerCustomerID": ID, "referrerContactID": IDN, "note": S},
                             required=["referrerCustomerID"]),
        "ReferralReply": obj({"referral": ref("Referral")}, required=[]),
        "ReferralNode": obj({"customerID": {**IDN, "description": "absent when the reader may not see the customer"},
                             "name": {"type": ["string", "null"]}, "visible": B, "stage": STAGEN,
                             "referred": arr({"$ref": "#/components/schemas/ReferralNode"})},
                            required=["visible", "referred"]),
        "ReferralTree": obj({"referredBy": {**arr(ref("ReferralNode")), "description": "own referrer first, up to the root"},
                             "root": ref("ReferralNode"), "referralsMade": I}),
        "Qualification": obj({"customerID": ID, "abilityToPay": ANSWER, "abilityEvidence": S, "authority": ANSWER,
                              "authorityEvidence": S, "need": ANSWER, "needEvidence": S, "warnings": arr(WARNING),
                              "automaticWarnings": {**arr(WARNING), "description": "oldCustomer (past orders), bigName (size large)"},
                              "updatedBy": IDN, "updatedAt": DTN, "version": {**I, "description": "0 while never saved"}},
                             required=["customerID", "abilityToPay", "abilityEvidence", "authority", "authorityEvidence",
                                       "need", "needEvidence", "warnings", "automaticWarnings", "version"]),
        "QualificationInput": obj({"abilityToPay": ANSWER, "abilityEvidence": S, "authority": ANSWER,
                                   "authorityEvidence": S, "need": ANSWER, "needEvidence": S, "warnings": arr(WARNING),
                                   "version": {**I, "description": "the version you read (0 the first time), or If-Match"}},
                                  required=[]),
    })
    gone = {"204": {"description": "Cleared"}}
    gone.update({k: v for k, v in ok("Referral").items() if k != "200"})
    FID = {"name": "factId", "in": "path", "required": True, "schema": ID}
    paths = ns["paths"]
    paths["/customers"]["get"]["parameters"].append(qp("stage", STAGE, "lifecycle stage (customers never computed are suspects)"))
    paths.update({
        "/customers/{id}/lifecycle": {"parameters": [PID], "get": {
            "tags": ["Lifecycle"], "summary": "The customer's stage, why, its history and recorded facts",
            "responses": ok("CustomerLifecycleView")}},
        "/customers/{id}/lifecycle-facts": {"parameters": [PID], "post": {
            "tags": ["Lifecycle"], "summary": "Record exclusivity or a partnership (agent, distributor, shareholder) with evidence",
            "requestBody": body("LifecycleFactInput"), "responses": ok("LifecycleFact", "201", "Recorded")}},
        "/customers/{id}/lifecycle-facts/{factId}": {"parameters": [PID, FID], "delete": {
            "tags": ["Lifecycle"], "summary": "Revoke a recorded fact (kept, marked revoked)", "responses": ok("LifecycleFact")}},
        "/lifecycle/summary": {"get": {
            "tags": ["Lifecycle"], "summary": "Counts per stage and the monthly flow between stages (visible customers)",
            "parameters": [qp("months", {"type": "integer", "minimum": 1, "maximum": 60})],
            "responses": ok("LifecycleSummary")}},
        "/customers/{id}/referral": {"parameters": [PID],
            "get": {"tags": ["Referrals"], "summary": "Who referred this customer", "responses": ok("ReferralReply")},
            "put": {"tags": ["Referrals"], "summary": "Set who referred this customer (no cycles: 422 on referrerCustomerID)",
                    "requestBody": body("ReferralInput"), "responses": ok("Referral")},
            "delete": {"tags": ["Referrals"], "summary": "Clear who referred this customer", "responses": gone}},
        "/contacts/{id}/referral": {"parameters": [PID],
            "get": {"tags": ["Referrals"], "summary": "Who referred this key person", "responses": ok("ReferralReply")},
            "put": {"tags": ["Referrals"], "summary": "Set who referred this key person",
                    "requestBody": body("ReferralInput"), "responses": ok("Referral")},
            "delete": {"tags": ["Referrals"], "summary": "Clear who referred this key person", "responses": gone}},
        "/customers/{id}/referral-tree": {"parameters": [PID], "get": {
            "tags": ["Referrals"], "summary": "Who referred the customer up to the root, and everything it brought "
                                             "(customers you may not see have no name or id)",
            "responses": ok("ReferralTree")}},
        "/customers/{id}/qualification": {"parameters": [PID],
            "get": {"tags": ["Qualification"], "summary": "Ability to pay, authority, need, and the warnings that apply",
                    "responses": ok("Qualification")},
            "put": {"tags": ["Qualification"], "summary": "Change the checklist (a yes needs its evidence)",
                    "requestBody": body("QualificationInput"), "responses": ok("Qualification")}},
    })
