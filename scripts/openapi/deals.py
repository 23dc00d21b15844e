"""Deals pipeline (issue 4): stages, deals, moves, the pipeline summary."""


def extend(ns):
    obj, ref, arr, ok, body, qp = ns["obj"], ns["ref"], ns["arr"], ns["ok"], ns["body"], ns["qp"]
    S, SN, I, ID, IDN, DT, DTN = ns["S"], ns["SN"], ns["I"], ns["ID"], ns["IDN"], ns["DT"], ns["DTN"]
    page, PID, LIST, ERR = ns["page"], ns["PID"], ns["LIST"], ns["ERR"]
    DATE = {"type": "string", "format": "date"}
    DATEN = {"type": ["string", "null"], "format": "date"}
    STATE = {"type": "string", "enum": ["open", "won", "lost"]}
    MONEY = {"type": "integer", "description": "minor units (fen, cents)"}
    schemas = ns["schemas"]
    schemas.update({
        "DealOutcomeMixRow": obj({"ownerID": ID, "outcome": {"type": "string", "enum": ["won", "lost"]},
                                  "temperament": {"type": ["string", "null"]}, "buyerType": {"type": ["string", "null"]},
                                  "count": I}, required=["ownerID", "outcome", "count"]),
        "DealOutcomeMixRowPage": page("DealOutcomeMixRow"),
        "DealStage": obj({"id": ID, "nameZh": S, "nameEn": S, "position": I,
                          "probability": {"type": "integer", "minimum": 0, "maximum": 100},
                          "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
                         required=["id", "nameZh", "nameEn", "position", "probability", "version"]),
        "DealStageInput": obj({"nameZh": S, "nameEn": S, "position": {"type": "integer", "minimum": 1},
                               "probability": {"type": "integer", "minimum": 0, "maximum": 100},
                               "version": {"type": "integer", "description": "Required on PATCH"}}, required=[]),
        "Deal": obj({"id": ID, "customerID": ID, "title": S, "ownerID": ID, "teamID": IDN, "stageID": ID, "state": STATE,
                     "amount": MONEY, "currency": S, "expectedCloseOn": DATEN, "nextStep": S, "closeReason": S,
                     "closedOn": DATEN, "orderID": IDN, "contactIDs": arr(ID), "stageChangedAt": DT, "createdAt": DT,
                     "updatedAt": DT, "deletedAt": DTN, "version": I},
                    required=["id", "customerID", "title", "ownerID", "stageID", "state", "amount", "currency", "nextStep",
                              "closeReason", "contactIDs", "version"]),
        "DealInput": obj({"title": S, "ownerID": ID, "stageID": {**ID, "description": "Only when creating; then use /move"},
                          "amount": MONEY, "currency": S, "expectedCloseOn": DATEN, "nextStep": S,
                          "contactIDs": {**arr(ID), "description": "Key persons of the deal's customer (replaces the list)"},
                          "version": {"type": "integer", "description": "Required on PATCH"}}, required=[]),
        "DealMove": obj({"stageID": ID, "version": I}, required=["stageID"]),
        "DealReopen": obj({"stageID": {**ID, "description": "default: the stage it closed in"}, "version": I}, required=[]),
        "DealClose": obj({"reason": S, "version": I}, required=["reason"]),
        "DealVersion": obj({"version": I}, required=[]),
        "DealStageChange": obj({"id": ID, "dealID": ID, "fromStageID": IDN, "toStageID": ID, "userID": IDN, "at": DT},
                               required=["id", "dealID", "toStageID", "at"]),
        "MoneyTotal": obj({"currency": S, "amount": MONEY, "weighted": MONEY}),
        "PipelineColumn": obj({"stage": ref("DealStage"), "count": I, "totals": arr(ref("MoneyTotal")),
                               "deals": arr(ref("Deal")), "hasMore": {"type": "boolean"}}),
        "Pipeline": obj({"columns": arr(ref("PipelineColumn")), "totals": arr(ref("MoneyTotal")),
                         "customerNames": {"type": "object", "additionalProperties": S,
                                           "description": "the names of the shown deals' customers, by customer id"}}),
    })
    for name in ["DealStage", "Deal", "DealStageChange"]:
        schemas[name + "Page"] = page(name)

    conflict = dict(ok("DealStage"))
    conflict["409"] = ns["problem"]("Version conflict, or the stage still holds open deals (the message says how many)")
    ns["paths"].update({
        "/deal-stages": {
            "get": {"tags": ["Deals"], "summary": "The pipeline's stages in order", "responses": ok("DealStagePage")},
            "post": {"tags": ["Deals"], "summary": "Add a stage (admins)", "requestBody": body("DealStageInput"),
                     "responses": ok("DealStage", "201", "Created")}},
        "/deal-stages/{id}": {"parameters": [PID],
            "get": {"tags": ["Deals"], "summary": "One stage", "responses": ok("DealStage")},
            "patch": {"tags": ["Deals"], "summary": "Rename, reorder or set the probability (admins)",
                      "requestBody": body("DealStageInput"), "responses": ok("DealStage")},
            "delete": {"tags": ["Deals"], "summary": "Delete a stage no open deal uses (admins; else 409)", "responses": conflict}},
        "/deals": {"get": {"tags": ["Deals"], "summary": "Deals of the customers you may see, newest first",
                           "parameters": [qp("owner", S, "me or a user id"), qp("stage", ID), qp("state", STATE),
                                          qp("customer", ID), qp("closeFrom", DATE), qp("closeTo", DATE)] + LIST,
                           "responses": ok("DealPage")}},
        "/customers/{id}/deals": {"parameters": [PID],
            "get": {"tags": ["Deals"], "summary": "A customer's deals (open first)", "responses": ok("DealPage")},
            "post": {"tags": ["Deals"], "summary": "Open a deal (owner defaults to the customer's owner)",
                     "requestBody": body("DealInput"), "responses": ok("Deal", "201", "Created")}},
        "/deals/{id}/move": {"parameters": [PID], "post": {"tags": ["Deals"], "summary": "Move an open deal to a stage",
                                                          "requestBody": body("DealMove"), "responses": ok("Deal")}},
        "/deals/{id}/win": {"parameters": [PID], "post": {"tags": ["Deals"], "summary": "Close as won (reason required)",
                                                         "requestBody": body("DealClose"), "responses": ok("Deal")}},
        "/deals/{id}/lose": {"parameters": [PID], "post": {"tags": ["Deals"], "summary": "Close as lost (reason required)",
                                                          "requestBody": body("DealClose"), "responses": ok("Deal")}},
        "/deals/{id}/reopen": {"parameters": [PID], "post": {"tags": ["Deals"], "summary": "Open a won or lost deal again",
                                                            "requestBody": body("DealReopen"), "responses": ok("Deal")}},
        "/deals/{id}/order": {"parameters": [PID], "post": {"tags": ["Deals"],
            "summary": "Create the order of a won deal (one line: title, quantity 1, the amount); answers the deal with orderID",
            "requestBody": body("DealVersion"), "responses": ok("Deal", "201", "Created")}},
        "/deals/{id}/stage-changes": {"parameters": [PID], "get": {"tags": ["Deals"], "summary": "A deal's stage moves, oldest first",
                                                                  "responses": ok("DealStageChangePage")}},
        "/team/deal-outcome-mix": {"get": {"tags": ["Deals"],
            "summary": "Managers: temperaments and buyer types per owner among customers with won and with lost deals",
            "responses": ok("DealOutcomeMixRowPage")}},
        "/pipeline": {"get": {"tags": ["Deals"], "summary": "Per stage: count, amount, weighted amount and the first deals",
                              "parameters": [qp("owner", S, "me or a user id"),
                                             qp("perStage", {"type": "integer", "minimum": 0, "maximum": 200})],
                              "responses": ok("Pipeline")}},
    })
    ns["paths"].update(ns["crud"]("Deals", "Deal", "DealInput", "/deals"))
