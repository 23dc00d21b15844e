"""The public pool (公海, issue 4): pools and their rules, members, claim/assign/release, locks, recycling."""


def extend(ns):
    obj, ref, arr, ok, body, qp = ns["obj"], ns["ref"], ns["arr"], ns["ok"], ns["body"], ns["qp"]
    S, SN, I, B, ID, IDN, DT, DTN = ns["S"], ns["SN"], ns["I"], ns["B"], ns["ID"], ns["IDN"], ns["DT"], ns["DTN"]
    page, PID, LIST = ns["page"], ns["PID"], ns["LIST"]
    IN = {"type": ["integer", "null"], "minimum": 1}
    KIND = {"type": "string", "enum": ["entered", "claimed", "assigned", "released", "recycled", "locked", "unlocked"]}
    REASON = {"type": "string", "enum": ["noFollowUp", "noDeal", "notClosed", "locked", "closed", "openDeals", "noRules", "notDue"]}
    schemas = ns["schemas"]
    rules = {"dailyClaimCap": I, "holdingCap": I, "countClosed": B, "noFollowUpDays": IN, "noDealDays": IN,
             "notClosedDays": IN, "recycleClosed": B, "recycleWithOpenDeals": B, "warnDays": I, "cooloffDays": I, "lockCap": I}
    schemas.update({
        "PoolRules": obj(rules, required=["dailyClaimCap", "holdingCap", "countClosed", "recycleClosed",
                                          "recycleWithOpenDeals", "warnDays", "cooloffDays", "lockCap"]),
        "Pool": obj({"id": ID, "name": S, "teamID": IDN, "isDefault": B, "rules": ref("PoolRules"), "createdAt": DT,
                     "updatedAt": DT, "version": I}, required=["id", "name", "isDefault", "rules", "version"]),
        "PoolInput": obj({"name": S, "teamID": IDN, **rules,
                          "version": {"type": "integer", "description": "Required on PATCH"}}, required=[]),
        "PoolMember": obj({"customerID": ID, "name": S, "industry": S, "region": S, "source": S, "enteredAt": DT,
                           "previousOwnerID": IDN, "previousOwnerName": SN, "reason": S},
                          required=["customerID", "name", "industry", "region", "source", "enteredAt", "reason"]),
        "PoolMembership": obj({"customerID": ID, "poolID": ID, "enteredAt": DTN, "ownedSince": DTN, "lockedAt": DTN,
                               "lockedBy": IDN, "previousOwnerID": IDN, "leftOwnerAt": DTN, "reason": S},
                              required=["customerID", "poolID", "reason"]),
        "PoolEvent": obj({"id": ID, "customerID": ID, "poolID": IDN, "kind": KIND, "actorID": IDN, "ownerID": IDN,
                          "previousOwnerID": IDN, "reason": S, "at": DT}, required=["id", "customerID", "kind", "reason", "at"]),
        "PoolStanding": obj({"claimedToday": I, "dailyClaimCap": I, "holding": I, "holdingCap": I, "locked": I, "lockCap": I}),
        "RecycleItem": obj({"customerID": ID, "customerName": S, "ownerID": ID, "poolID": ID, "reason": REASON,
                            "daysLeft": {"type": ["integer", "null"]}, "due": DTN},
                           required=["customerID", "customerName", "ownerID", "poolID", "reason"]),
        "RecycleReport": obj({"dryRun": B, "judged": I, "recycled": arr(ref("RecycleItem")), "warned": arr(ref("RecycleItem"))}),
        "PoolRelease": obj({"reason": S}, required=["reason"]),
        "PoolAssign": obj({"userID": ID}, required=["userID"]),
        "PoolRecycleInput": obj({"dryRun": B}, required=[]),
    })
    for name in ["Pool", "PoolMember", "PoolEvent"]:
        schemas[name + "Page"] = page(name)
    agenda_kinds = schemas["AgendaItem"]["properties"]["kind"]["enum"]
    if "poolRecycle" not in agenda_kinds:
        agenda_kinds.append("poolRecycle")
    kinds = schemas["Notice"]["properties"]["kind"]["enum"]
    for kind in ["poolRecycleWarning", "poolRecycled"]:
        if kind not in kinds:
            kinds.append(kind)

    tag = ["Pool"]
    done = {"204": {"description": "Done"}}
    done.update(ns["ERR"])
    capped = "422 names the cap reached (poolDailyCap, poolHoldingCap, poolCoolingOff) with the numbers; 409 when someone else got it first"
    ns["paths"].update({
        "/pools": {
            "get": {"tags": tag, "summary": "The pools (default first)", "responses": ok("PoolPage")},
            "post": {"tags": tag, "summary": "Create a pool (admins)", "requestBody": body("PoolInput"),
                     "responses": ok("Pool", "201", "Created")}},
        "/pools/{id}": {"parameters": [PID],
            "get": {"tags": tag, "summary": "One pool with its rules", "responses": ok("Pool")},
            "patch": {"tags": tag, "summary": "Rename or change the rules (admins); null switches a day rule off",
                      "requestBody": body("PoolInput"), "responses": ok("Pool")},
            "delete": {"tags": tag, "summary": "Delete an empty pool (admins; not the default one)", "responses": done}},
        "/pools/{id}/customers": {"parameters": [PID],
            "get": {"tags": tag, "summary": "Customers in the pool now, newest first (basic fields only)",
                    "parameters": LIST, "responses": ok("PoolMemberPage")}},
        "/pools/{id}/standing": {"parameters": [PID],
            "get": {"tags": tag, "summary": "Your claims today and holdings against the pool's caps", "responses": ok("PoolStanding")}},
        "/customers/{id}/claim": {"parameters": [PID],
            "post": {"tags": tag, "summary": "Claim a customer from its pool. " + capped, "responses": ok("Customer")}},
        "/customers/{id}/assign": {"parameters": [PID],
            "post": {"tags": tag, "summary": "Give a pool customer to a rep (managers: their teams; admins: anyone)",
                     "requestBody": body("PoolAssign"), "responses": ok("Customer")}},
        "/customers/{id}/release": {"parameters": [PID],
            "post": {"tags": tag, "summary": "Give an owned customer back to its pool, with a reason",
                     "requestBody": body("PoolRelease"), "responses": done}},
        "/customers/{id}/lock": {"parameters": [PID],
            "post": {"tags": tag, "summary": "Exempt from recycling (owner or manager; 422 poolLockCap)", "responses": ok("PoolMembership")}},
        "/customers/{id}/unlock": {"parameters": [PID],
            "post": {"tags": tag, "summary": "Lift the exemption", "responses": ok("PoolMembership")}},
        "/customers/{id}/pool": {"parameters": [PID],
            "get": {"tags": tag, "summary": "The customer's pool, owner-since time, lock and previous owner",
                    "responses": ok("PoolMembership")}},
        "/customers/{id}/pool-events": {"parameters": [PID],
            "get": {"tags": tag, "summary": "The customer's pool history, newest first", "responses": ok("PoolEventPage")}},
        "/pool/recycle": {
            "post": {"tags": tag, "summary": "Run a recycle pass now (admins); dryRun reports without writing",
                     "requestBody": body("PoolRecycleInput"), "responses": ok("RecycleReport")}},
    })
