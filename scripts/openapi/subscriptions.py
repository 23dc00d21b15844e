"""Subscriptions, churn and win-back (issue 4, DOMAIN part 3), and merging duplicate customers and key persons."""


def extend(ns):
    obj, ref, arr, ok, body, qp = ns["obj"], ns["ref"], ns["arr"], ns["ok"], ns["body"], ns["qp"]
    S, SN, I, ID, IDN, DT, DTN = ns["S"], ns["SN"], ns["I"], ns["ID"], ns["IDN"], ns["DT"], ns["DTN"]
    page, PID, LIST = ns["page"], ns["PID"], ns["LIST"]
    DATE = {"type": "string", "format": "date"}
    DATEN = {"type": ["string", "null"], "format": "date"}
    MONEY = {"type": "integer", "description": "minor units (fen, cents)"}
    STATE = {"type": "string", "enum": ["active", "renewed", "lapsed", "churned"]}
    APPROACH = {"type": "string", "enum": ["offer", "campaign", "personalCare"]}
    OUTCOME = {"type": "string", "enum": ["noResponse", "declined", "interested", "returned"]}
    CODES = arr(S)
    schemas = ns["schemas"]
    kinds = schemas["Notice"]["properties"]["kind"]["enum"]
    if "subscriptionEnding" not in kinds:
        kinds.append("subscriptionEnding")
    if "churn-reasons" not in ns["REF_NAMES"]:
        ns["REF_NAMES"].append("churn-reasons")
    reason_node = obj({"code": S, "label": S, "children": arr({"$ref": "#/components/schemas/ChurnReason"})})
    schemas.update({
        "Subscription": obj({
            "id": ID, "customerID": ID, "productID": IDN, "orderID": IDN, "startsOn": DATE, "endsOn": DATE,
            "price": MONEY, "currency": S, "state": STATE, "previousID": IDN, "churnedOn": DATEN,
            "churnReasons": CODES, "churnNote": S, "renewalReasons": CODES, "renewalNote": S, "createdBy": IDN,
            "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
            required=["id", "customerID", "startsOn", "endsOn", "price", "currency", "state", "churnReasons",
                      "churnNote", "renewalReasons", "renewalNote", "createdAt", "updatedAt", "version"]),
        "SubscriptionInput": obj({
            "productID": {**ID, "description": "term length, price and currency default to the product's"},
            "orderID": {**ID, "description": "without productID: the order's first line whose product has a term"}, "startsOn": DATE, "endsOn": DATE,
            "termMonths": {"type": "integer", "minimum": 1, "maximum": 120, "description": "instead of endsOn"},
            "price": MONEY, "currency": S, "churnNote": S, "renewalNote": S,
            "version": {"type": "integer", "description": "Required on PATCH"}}, required=[]),
        "SubscriptionRenewal": obj({
            "endsOn": {**DATE, "description": "default: a term as long as the previous one"},
            "termMonths": {"type": "integer", "minimum": 1, "maximum": 120}, "price": MONEY, "orderID": ID,
            "renewalReasons": {**CODES, "description": "why they renew despite poor results (codes from /churn-reasons)"},
            "renewalNote": S, "version": I}, required=[]),
        "SubscriptionChurn": obj({
            "churnReasons": {**CODES, "description": "at least one code from /churn-reasons"},
            "churnNote": S, "churnedOn": DATE, "version": I}, required=["churnReasons"]),
        "ChurnReason": reason_node,
        "ChurnReasons": obj({"churn": arr(ref("ChurnReason")), "renewalDespite": arr(ref("ChurnReason"))}),
        "WinbackEntry": obj({"customerID": ID, "customerName": S, "ownerID": IDN, "subscriptionID": ID,
                             "churnedOn": DATE, "churnReasons": CODES, "churnNote": S, "attempts": I,
                             "lastOutcome": {"type": ["string", "null"], "enum": OUTCOME["enum"] + [None]}},
                            required=["customerID", "customerName", "subscriptionID", "churnedOn", "churnReasons",
                                      "churnNote", "attempts"]),
        "WinbackAttempt": obj({"id": ID, "customerID": ID, "subscriptionID": IDN, "approach": APPROACH,
                               "outcome": OUTCOME, "note": S, "userID": ID, "attemptedOn": DATE, "createdAt": DT},
                              required=["id", "customerID", "approach", "outcome", "note", "userID", "attemptedOn",
                                        "createdAt"]),
        "WinbackAttemptInput": obj({"subscriptionID": {**ID, "description": "default: the latest churned term"},
                                    "approach": APPROACH, "outcome": OUTCOME, "note": S, "attemptedOn": DATE},
                                   required=["approach", "outcome"]),
        "WinbackEffectiveness": obj({"reason": S, "approach": APPROACH, "attempts": I, "returns": I}),
    })
    for name in ["Subscription", "WinbackEntry", "WinbackAttempt", "WinbackEffectiveness"]:
        schemas[name + "Page"] = page(name)

    paths = ns["paths"]
    paths.update({
        "/customers/{id}/subscriptions": {"parameters": [PID],
            "get": {"tags": ["Subscriptions"], "summary": "A customer's subscription terms, newest first",
                    "responses": ok("SubscriptionPage")},
            "post": {"tags": ["Subscriptions"], "summary": "Record a subscription term (optionally from a product or order)",
                     "requestBody": body("SubscriptionInput"), "responses": ok("Subscription", "201", "Created")}},
        "/subscriptions/{id}/renew": {"parameters": [PID],
            "post": {"tags": ["Subscriptions"],
                     "summary": "Renew: a next term from the day after the end (same length and price by default)",
                     "requestBody": body("SubscriptionRenewal"), "responses": ok("Subscription", "201", "The new term")}},
        "/subscriptions/{id}/churn": {"parameters": [PID],
            "post": {"tags": ["Subscriptions"], "summary": "Record that the customer left, with reasons from the taxonomy",
                     "requestBody": body("SubscriptionChurn"), "responses": ok("Subscription")}},
        "/winback": {"get": {"tags": ["Subscriptions"],
                             "summary": "Churned customers who have not come back, newest churn first",
                             "parameters": [qp("reason", S, "a churn reason code")] + LIST,
                             "responses": ok("WinbackEntryPage")}},
        "/winback/effectiveness": {"get": {"tags": ["Subscriptions"],
                                           "summary": "Attempts and returns per churn reason and approach",
                                           "responses": ok("WinbackEffectivenessPage")}},
        "/customers/{id}/winback-attempts": {"parameters": [PID],
            "get": {"tags": ["Subscriptions"], "summary": "A customer's win-back attempts, newest first",
                    "responses": ok("WinbackAttemptPage")},
            "post": {"tags": ["Subscriptions"], "summary": "Record a win-back attempt",
                     "requestBody": body("WinbackAttemptInput"), "responses": ok("WinbackAttempt", "201", "Created")}},
        "/churn-reasons": {"get": {"tags": ["Subscriptions"],
                                   "summary": "The churn and renewal reasons in your language (admins edit the churn-reasons reference file)",
                                   "responses": ok("ChurnReasons")}},
    })
    paths.update(ns["crud"]("Subscriptions", "Subscription", "SubscriptionInput", "/subscriptions"))
    merges(ns)


def merges(ns):
    obj, ref, arr, ok, body = ns["obj"], ns["ref"], ns["arr"], ns["ok"], ns["body"]
    S, I, ID, IDN, DT, DTN = ns["S"], ns["I"], ns["ID"], ns["IDN"], ns["DT"], ns["DTN"]
    PID = ns["PID"]
    CHOICE = {"type": "string", "enum": ["survivor", "merged", "union"]}
    schemas = ns["schemas"]
    schemas.update({
        "Merge": obj({"id": ID, "kind": {"type": "string", "enum": ["customer", "contact"]}, "survivorID": ID,
                      "mergedID": ID, "moved": {"type": "object", "additionalProperties": arr(S),
                                                "description": "table → moved row keys"},
                      "mergedBy": IDN, "mergedAt": DT, "undoneAt": DTN, "undoneBy": IDN},
                     required=["id", "kind", "survivorID", "mergedID", "moved", "mergedAt"]),
        "MergeInput": obj({"survivorID": ID, "mergedID": ID,
                           "choices": {"type": "object", "additionalProperties": CHOICE,
                                       "description": "field → whose value to keep (default: the survivor's; tags may be `union`)"},
                           "versions": {"type": "object", "additionalProperties": I,
                                        "description": "record id → the version you read"}},
                          required=["survivorID", "mergedID"]),
    })
    conflict = dict(ok("Merge"))
    conflict["409"] = ns["problem"]("A record changed since it was read, or the survivor changed since the merge")
    ns["paths"].update({
        "/customers/merge": {"post": {"tags": ["Customers"],
                                      "summary": "Merge a duplicate customer into another, field by field; every record moves",
                                      "requestBody": body("MergeInput"), "responses": ok("Merge", "201", "Merged")}},
        "/contacts/merge": {"post": {"tags": ["Customers"],
                                     "summary": "Merge a duplicate key person into another of the same customer",
                                     "requestBody": body("MergeInput"), "responses": ok("Merge", "201", "Merged")}},
        "/merges/{id}": {"parameters": [PID], "get": {"tags": ["Customers"], "summary": "One merge", "responses": ok("Merge")}},
        "/merges/{id}/undo": {"parameters": [PID],
                              "post": {"tags": ["Customers"], "summary": "Undo a merge: both records and the moved rows go back",
                                       "responses": conflict}},
    })
