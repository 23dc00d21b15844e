#!/usr/bin/env python3
"""Writes Sources/RapportHTTP/Resources/openapi.json, the hand-kept API description.

The document is data; this script only saves typing (shared schemas, repeated error
responses). Edit it, run it, commit both. Tests check real responses against the output.
"""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def arr(schema): return {"type": "array", "items": schema}
S = {"type": "string"}
SN = {"type": ["string", "null"]}
I = {"type": "integer"}
B = {"type": "boolean"}
DT = {"type": "string", "format": "date-time"}
DTN = {"type": ["string", "null"], "format": "date-time"}
ID = {"type": "string", "format": "uuid"}
IDN = {"type": ["string", "null"], "format": "uuid"}
CUSTOM = {"type": "object", "additionalProperties": {"type": ["string", "number", "array", "null"]}}

def obj(props, required=None, extra=False):
    o = {"type": "object", "properties": props}
    if required is None: required = list(props.keys())
    if required: o["required"] = required
    if not extra: o["additionalProperties"] = True
    return o

enums = {
    "kind": ["government", "enterprise", "individual"],
    "size": ["large", "medium", "small"],
    "status": ["potential", "following", "won", "dormant", "lost"],
    "channel": ["phone", "sms", "email", "fax", "wechat", "qq", "visit", "meeting", "event", "letter", "other"],
    "influence": ["high", "medium", "low"],
    "role": ["rep", "manager", "admin"],
    "language": ["zh-Hans", "en"],
    "object": ["customer", "contact", "activity"],
    "fieldKind": ["text", "number", "date", "singleChoice", "multiChoice"],
}
def E(name, nullable=False):
    return {"type": ["string", "null"] if nullable else "string", "enum": enums[name] + ([None] if nullable else [])}

profile_keys = ["needs", "buyingBehaviour", "organisation", "competitors", "businessEnvironment", "credit", "importantDates"]
schemas = {
    "Customer": obj({
        "id": ID, "name": S, "kind": E("kind"), "size": E("size", True), "industry": S, "region": S, "source": S,
        "ownerID": IDN, "teamID": IDN, "tags": arr(S), "status": E("status"), "phone": S, "email": S,
        "registrationNumber": S, "website": S, "address": S,
        "profile": obj({k: S for k in profile_keys}), "custom": CUSTOM,
        "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
        required=["id", "name", "kind", "tags", "status", "phone", "email", "profile", "custom", "createdAt", "updatedAt", "version"]),
    "CustomerInput": obj({
        "name": S, "kind": E("kind"), "size": E("size", True), "industry": S, "region": S, "source": S, "ownerID": ID,
        "tags": arr(S), "status": E("status"), "phone": S, "email": S, "registrationNumber": S, "website": S, "address": S,
        "profile": {"type": "object", "additionalProperties": S}, "custom": CUSTOM,
        "version": {"type": "integer", "description": "Required on PATCH: the version you read (or send If-Match)."}}, required=[]),
    "Contact": obj({
        "id": ID, "customerID": ID, "name": S, "department": S, "title": S, "phone": S, "fax": S, "email": S, "wechat": S,
        "qq": S, "interests": S, "supplierExpectations": S, "painPoints": S, "influence": E("influence", True),
        "involvement": {"type": ["integer", "null"], "minimum": 1, "maximum": 5}, "relationshipWithUs": S,
        "relationshipWithCompetitors": S, "relationshipOwnerID": IDN, "isCoach": B, "reportsToID": IDN, "custom": CUSTOM,
        "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
        required=["id", "customerID", "name", "isCoach", "custom", "createdAt", "updatedAt", "version"]),
    "ContactInput": obj({
        "name": S, "department": S, "title": S, "phone": S, "fax": S, "email": S, "wechat": S, "qq": S, "interests": S,
        "supplierExpectations": S, "painPoints": S, "influence": E("influence", True),
        "involvement": {"type": ["integer", "null"], "minimum": 1, "maximum": 5}, "relationshipWithUs": S,
        "relationshipWithCompetitors": S, "relationshipOwnerID": IDN, "isCoach": B, "reportsToID": IDN, "custom": CUSTOM,
        "version": I}, required=[]),
    "Activity": obj({
        "id": ID, "customerID": ID, "contactID": IDN, "userID": ID, "channel": E("channel"), "purpose": S, "outcome": S,
        "occurredAt": DT, "custom": CUSTOM, "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
        required=["id", "customerID", "userID", "channel", "purpose", "outcome", "occurredAt", "version"]),
    "ActivityInput": obj({"contactID": IDN, "channel": E("channel"), "purpose": S, "outcome": S, "occurredAt": DT,
                          "custom": CUSTOM, "version": I}, required=[]),
    "Note": obj({"id": ID, "customerID": ID, "authorID": ID, "body": S, "createdAt": DT, "updatedAt": DT,
                 "deletedAt": DTN, "version": I}, required=["id", "customerID", "authorID", "body", "version"]),
    "NoteInput": obj({"body": S, "version": I}, required=[]),
    "User": obj({"id": ID, "username": S, "displayName": S, "role": E("role"), "teamID": IDN,
                 "language": E("language", True), "timeZone": S, "disabled": B, "mustChangePassword": B,
                 "createdAt": DT, "updatedAt": DT, "version": I},
                required=["id", "username", "displayName", "role", "timeZone", "disabled", "mustChangePassword", "version"]),
    "NewUser": obj({"username": S, "displayName": S, "role": E("role"), "teamID": ID, "password": S,
                    "language": E("language"), "timeZone": S}, required=["username", "role"]),
    "UserChanges": obj({"displayName": S, "role": E("role"), "teamID": IDN, "language": E("language", True),
                        "timeZone": S, "disabled": B, "version": I}, required=[]),
    "CreatedUser": obj({"user": ref("User"), "oneTimePassword": SN}, required=["user"]),
    "Team": obj({"id": ID, "name": S, "managerID": IDN, "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
                required=["id", "name", "version"]),
    "TeamInput": obj({"name": S, "managerID": IDN, "version": I}, required=[]),
    "CustomField": obj({"id": ID, "object": E("object"), "key": S, "labelZh": S, "labelEn": S, "kind": E("fieldKind"),
                        "options": arr(S), "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
                       required=["id", "object", "key", "labelZh", "labelEn", "kind", "options", "version"]),
    "NewCustomField": obj({"object": E("object"), "key": S, "labelZh": S, "labelEn": S, "kind": E("fieldKind"),
                           "options": arr(S)}, required=["object", "key", "labelZh", "labelEn", "kind"]),
    "CustomFieldChanges": obj({"labelZh": S, "labelEn": S, "options": arr(S), "version": I}, required=[]),
    "Token": obj({"id": S, "userID": ID, "name": S, "createdAt": DT, "lastUsedAt": DTN, "revokedAt": DTN},
                 required=["id", "userID", "name", "createdAt"]),
    "NewToken": obj({"id": S, "name": S, "token": S}),
    "DuplicateMatch": obj({"customerID": ID, "customerName": S, "contactID": IDN, "ownerID": IDN, "ownerName": SN,
                           "reasons": arr({"type": "string", "enum": ["name", "phone", "email", "registrationNumber"]}),
                           "visible": B}, required=["customerID", "customerName", "reasons", "visible"]),
    "AuditEntry": obj({"id": ID, "at": DT, "actorID": IDN, "entity": S, "entityID": S, "action": S,
                       "before": SN, "after": SN}, required=["id", "at", "entity", "entityID", "action"]),
    "ImportReport": obj({"format": S, "encoding": SN, "dryRun": B, "totalRows": I, "imported": I,
                         "rejected": arr(obj({"line": I, "errors": arr(obj({"field": S, "code": S, "detail": SN, "message": S}, required=["field", "code", "message"]))})),
                         "duplicates": arr(obj({"line": I, "name": S, "matches": arr(ref("DuplicateMatch")), "sameAsLine": {"type": ["integer", "null"]}}, required=["line", "name", "matches"])),
                         "ignoredColumns": arr(S)}, required=["format", "dryRun", "totalRows", "imported", "rejected", "duplicates", "ignoredColumns"]),
    "Problem": obj({"type": S, "title": S, "status": I, "detail": S,
                    "errors": arr(obj({"field": S, "code": S, "message": S})),
                    "duplicates": arr(ref("DuplicateMatch")), "currentVersion": I}, required=["type", "title", "status"]),
}
def page(item): return obj({"items": arr(ref(item)), "nextCursor": SN}, required=["items"])
for name in ["Customer", "Contact", "Activity", "Note", "User", "Team", "CustomField", "Token", "AuditEntry", "DuplicateMatch"]:
    schemas[name + "Page"] = page(name)

def problem(desc): return {"description": desc, "content": {"application/problem+json": {"schema": ref("Problem")}}}
ERR = {"400": problem("Malformed request: the body or a parameter (named in `errors`)."),
       "401": problem("Not signed in: send `Authorization: Bearer <token>`."),
       "403": problem("Not allowed for this user."),
       "404": problem("No such record, or not visible to this user."),
       "409": problem("Version conflict (stale `version`) or duplicate."),
       "415": problem("The body is not JSON (or not the file type the endpoint takes)."),
       "422": problem("Validation failed; `errors` names each field.")}
def ok(schema, code="200", desc="OK"):
    r = {code: {"description": desc, "content": {"application/json": {"schema": ref(schema)}}}}
    r.update(ERR); return r
def body(schema): return {"required": True, "content": {"application/json": {"schema": ref(schema)}}}
def qp(name, schema=S, desc=""): return {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}
PID = {"name": "id", "in": "path", "required": True, "schema": ID}
LIST = [qp("limit", {"type": "integer", "minimum": 1, "maximum": 200}), qp("cursor", S, "nextCursor of the previous page")]
CUST_FILTERS = [qp("q", S, "substring search over names, phones and emails (Chinese works from 1 character)"),
                qp("kind", E("kind")), qp("status", E("status")), qp("ownerID", ID), qp("teamID", ID), qp("unowned", B),
                qp("industry"), qp("region"), qp("tag"), qp("deleted", {"type": "string", "enum": ["exclude", "only", "include"]}),
                qp("sort", {"type": "string", "enum": ["name", "-name", "updatedAt", "-updatedAt", "createdAt", "-createdAt"]})]

def crud(tag, item, inp, base, restore=True):
    p = {f"{base}/{{id}}": {
        "parameters": [PID],
        "get": {"tags": [tag], "summary": f"Read one {item}", "responses": ok(item)},
        "patch": {"tags": [tag], "summary": f"Change a {item} (send the version you read)", "requestBody": body(inp), "responses": ok(item)},
        "delete": {"tags": [tag], "summary": f"Delete a {item} (soft; restorable)", "responses": ok(item)}}}
    if restore:
        p[f"{base}/{{id}}/restore"] = {"parameters": [PID], "post": {"tags": [tag], "summary": f"Restore a deleted {item}", "responses": ok(item)}}
    return p

paths = {
    "/customers": {
        "get": {"tags": ["Customers"], "summary": "List, filter and search customers", "parameters": CUST_FILTERS + LIST, "responses": ok("CustomerPage")},
        "post": {"tags": ["Customers"], "summary": "Create a customer (409 with `duplicates` when it looks like an existing one)",
                 "parameters": [qp("allowDuplicate", B)], "requestBody": body("CustomerInput"), "responses": ok("Customer", "201", "Created")}},
    "/customers/duplicates": {"get": {"tags": ["Customers"], "summary": "Existing customers matching a name, phone, email or registration number",
                                      "parameters": [qp("name"), qp("phone"), qp("email"), qp("registrationNumber")],
                                      "responses": ok("DuplicateMatchPage")}},
    "/customers/export": {"get": {"tags": ["Files"], "summary": "Export visible customers", "parameters": [qp("format", {"type": "string", "enum": ["csv", "xlsx"]})] + CUST_FILTERS,
                                  "responses": {"200": {"description": "The file", "content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}, **ERR}}},
    "/customers/import": {"post": {"tags": ["Files"], "summary": "Import customers from the CSV or XLSX body",
                                   "parameters": [qp("fileName"), qp("dryRun", B), qp("allowDuplicates", B)],
                                   "requestBody": {"required": True, "content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                                   "responses": ok("ImportReport")}},
    "/contacts/export": {"get": {"tags": ["Files"], "summary": "Export the key persons of visible customers", "parameters": [qp("format", {"type": "string", "enum": ["csv", "xlsx"]})],
                                 "responses": {"200": {"description": "The file", "content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}, **ERR}}},
    "/contacts/import": {"post": {"tags": ["Files"], "summary": "Import key persons (each row names its customer by id or name)",
                                  "parameters": [qp("fileName"), qp("dryRun", B)],
                                  "requestBody": {"required": True, "content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                                  "responses": ok("ImportReport")}},
    "/customers/{id}/history": {"parameters": [PID], "get": {"tags": ["Customers"], "summary": "Audit trail", "responses": ok("AuditEntryPage")}},
    "/customers/{id}/contacts": {"parameters": [PID],
        "get": {"tags": ["Contacts"], "summary": "A customer's key persons", "responses": ok("ContactPage")},
        "post": {"tags": ["Contacts"], "summary": "Add a key person", "parameters": [qp("allowDuplicate", B)], "requestBody": body("ContactInput"), "responses": ok("Contact", "201", "Created")}},
    "/customers/{id}/activities": {"parameters": [PID],
        "get": {"tags": ["Timeline"], "summary": "A customer's timeline, newest first", "parameters": LIST, "responses": ok("ActivityPage")},
        "post": {"tags": ["Timeline"], "summary": "Log an activity", "requestBody": body("ActivityInput"), "responses": ok("Activity", "201", "Created")}},
    "/customers/{id}/notes": {"parameters": [PID],
        "get": {"tags": ["Timeline"], "summary": "A customer's notes", "responses": ok("NotePage")},
        "post": {"tags": ["Timeline"], "summary": "Add a note", "requestBody": body("NoteInput"), "responses": ok("Note", "201", "Created")}},
    "/contacts": {"get": {"tags": ["Contacts"], "summary": "Key persons across visible customers", "parameters": [qp("q")] + LIST, "responses": ok("ContactPage")}},
    "/me": {"get": {"tags": ["Accounts"], "summary": "The signed-in user", "responses": ok("User")}},
    "/users": {"get": {"tags": ["Accounts"], "summary": "Users", "responses": ok("UserPage")},
               "post": {"tags": ["Accounts"], "summary": "Create a user (admins); a one-time password is returned when none is given",
                        "requestBody": body("NewUser"), "responses": ok("CreatedUser", "201", "Created")}},
    "/users/{id}/password": {"parameters": [PID], "post": {"tags": ["Accounts"], "summary": "Set a password",
        "requestBody": {"required": True, "content": {"application/json": {"schema": obj({"currentPassword": S, "password": S}, required=["password"])}}},
        "responses": {"204": {"description": "Changed"}, **ERR}}},
    "/teams": {"get": {"tags": ["Accounts"], "summary": "Teams (admins may add deleted ones with includeDeleted=true)",
                       "parameters": [qp("includeDeleted", B)], "responses": ok("TeamPage")},
               "post": {"tags": ["Accounts"], "summary": "Create a team (admins)", "requestBody": body("TeamInput"), "responses": ok("Team", "201", "Created")}},
    "/teams/{id}": {"parameters": [PID], "get": {"tags": ["Accounts"], "summary": "One team", "responses": ok("Team")},
                    "patch": {"tags": ["Accounts"], "summary": "Change a team (admins)", "requestBody": body("TeamInput"), "responses": ok("Team")},
                    "delete": {"tags": ["Accounts"], "summary": "Delete a team without active members (admins; restorable)", "responses": ok("Team")}},
    "/teams/{id}/restore": {"parameters": [PID], "post": {"tags": ["Accounts"], "summary": "Restore a deleted team", "responses": ok("Team")}},
    "/custom-fields": {"get": {"tags": ["Custom fields"], "summary": "Field definitions", "parameters": [qp("object", E("object"))], "responses": ok("CustomFieldPage")},
                       "post": {"tags": ["Custom fields"], "summary": "Define a field (admins)", "requestBody": body("NewCustomField"), "responses": ok("CustomField", "201", "Created")}},
    "/tokens": {"get": {"tags": ["Accounts"], "summary": "Your API tokens", "responses": ok("TokenPage")},
                "post": {"tags": ["Accounts"], "summary": "Create an API token (the secret is shown once)",
                         "requestBody": {"required": True, "content": {"application/json": {"schema": obj({"name": S})}}}, "responses": ok("NewToken", "201", "Created")}},
    "/tokens/{id}": {"parameters": [{"name": "id", "in": "path", "required": True, "schema": S}],
                     "delete": {"tags": ["Accounts"], "summary": "Revoke a token", "responses": {"204": {"description": "Revoked"}, **ERR}}},
}
paths.update(crud("Customers", "Customer", "CustomerInput", "/customers"))
paths.update(crud("Contacts", "Contact", "ContactInput", "/contacts"))
paths.update(crud("Timeline", "Activity", "ActivityInput", "/activities"))
paths.update(crud("Timeline", "Note", "NoteInput", "/notes"))
users = crud("Accounts", "User", "UserChanges", "/users")
users["/users/{id}"]["delete"]["summary"] = "Disable a user (restorable)"
paths.update(users)
fields = crud("Custom fields", "CustomField", "CustomFieldChanges", "/custom-fields")
del fields["/custom-fields/{id}"]["get"]
paths.update(fields)

# ---- Relationship intelligence (promises, notices, personalities, situation and results,
# ---- care dates, handovers, agenda, tone check, after-deal summary). Optional fields are
# ---- absent when empty (the encoder omits nil), so they are not listed as required.
D = {"type": "string", "format": "date", "description": "A calendar day, YYYY-MM-DD"}
rel_enums = {
    "commitmentState": ["open", "done", "broken", "cancelled"],
    "noticeKind": ["commitmentOverdue", "handoverReceived"],
    "temperament": ["powerful", "popular", "perfect", "peaceful"],
    "buyerType": ["composed", "hesitant", "boastful", "brisk", "talkative", "silent", "faultFinding", "insincere",
                  "coldArrogant", "impulsive", "resentful", "slippery"],
    "onlineType": ["simple", "surfer", "newcomer", "bargainer", "regular", "entertainment"],
    "guidanceKind": ["temperament", "buyerType", "onlineType"],
    "axis": ["pace", "focus"],
    "pole": ["direct", "indirect", "feeling", "thinking"],
    "joinReason": ["businessOpportunities", "corporateImage", "communication", "efficiency", "lowerCosts", "credibility",
                   "followingTrend", "qualificationChecks", "growingWithPlatform"],
    "motivation": ["imageBuilder", "follower", "profitDriven"],
    "businessType": ["manufacturer", "wholesale", "retail", "service", "other"],
    "measure": ["longTermCustomers", "orders", "units", "revenue"],
    "expectationSource": ["history", "defaults"],
    "expectationLevel": ["belowBottom", "between", "aboveSatisfaction", "tooEarly"],
    "careKind": ["birthday", "anniversary", "founding", "honour", "other"],
    "careCalendar": ["solar", "lunar"],
    "agendaKind": ["commitmentDue", "commitmentOverdue", "plannedContact", "careDate", "holiday", "handover"],
    "toneCategory": ["vague", "impatience", "provocation", "blame", "negative", "command", "missingCourtesy",
                     "refusalWithoutApology", "pressure", "overPromise", "missingThanks"],
    "tonePrinciple": ["positiveWording", "requestNotCommand", "respectfulEnding", "apologizeWhenRefusing",
                      "customerDecides", "withinResponsibility", "praiseAndThank"],
}
def RE(name, nullable=False):
    return {"type": ["string", "null"] if nullable else "string", "enum": rel_enums[name] + ([None] if nullable else [])}
STRMAP = {"type": "object", "additionalProperties": S}
RAW = lambda name, desc: {"type": "string", "description": f"{desc}: one of {', '.join(rel_enums[name])}; an empty text clears it"}
VERSION = {"type": "integer", "description": "The version you read (0 creates where noted); or send If-Match."}

schemas.update({
    "Commitment": obj({
        "id": ID, "customerID": ID, "contactID": IDN, "ownerID": ID, "title": S, "details": S, "dueOn": D,
        "state": RE("commitmentState"), "evidence": S, "createdBy": ID, "createdAt": DT, "updatedAt": DT,
        "closedAt": DTN, "escalatedAt": DTN, "deletedAt": DTN, "version": I},
        required=["id", "customerID", "ownerID", "title", "details", "dueOn", "state", "evidence", "createdBy",
                  "createdAt", "updatedAt", "version"]),
    "CommitmentInput": obj({
        "contactID": IDN, "ownerID": {**ID, "description": "Defaults to the customer's owner on create"},
        "title": S, "details": S, "dueOn": D, "state": RE("commitmentState"),
        "evidence": {"type": "string", "description": "Required (not blank) when the state is done"}, "version": VERSION},
        required=[]),
    "Notice": obj({"id": ID, "recipientID": ID, "kind": RE("noticeKind"), "subjectID": S, "customerID": IDN,
                   "payload": STRMAP, "createdAt": DT, "readAt": DTN},
                  required=["id", "recipientID", "kind", "subjectID", "payload", "createdAt"]),
    "Personality": obj({"temperament": RE("temperament", True), "suggestedTemperament": RE("temperament", True),
                        "answers": STRMAP, "confirmedBy": IDN, "confirmedAt": DTN,
                        "buyerType": RE("buyerType", True), "onlineType": RE("onlineType", True)}, required=["answers"]),
    "GuidanceEntry": obj({"name": S, "traits": S, "open": S, "bring": S, "avoid": S}),
    "GuidanceCard": obj({"sections": arr(obj({"kind": RE("guidanceKind"), "key": S, "entry": ref("GuidanceEntry"),
                                               "suggested": B}))}),
    "PersonalityView": obj({"customerID": ID, "contactID": IDN, "personality": ref("Personality"),
                            "version": {"type": "integer", "description": "0 when nothing is recorded yet"},
                            "guidance": ref("GuidanceCard")},
                           required=["customerID", "personality", "version", "guidance"]),
    "PersonalityInput": obj({
        "answers": {"type": "object", "additionalProperties": S,
                    "description": "Questionnaire answers, question id → option id (replaces the stored ones)"},
        "temperament": RAW("temperament", "Sets or confirms the temperament"),
        "buyerType": RAW("buyerType", "Buyer type"), "onlineType": RAW("onlineType", "Online customer type"),
        "version": VERSION}, required=[]),
    "Questionnaire": obj({"language": S, "questions": arr(obj({
        "id": S, "axis": RE("axis"), "prompt": S,
        "options": arr(obj({"id": S, "text": S, "pole": RE("pole"), "weight": I}))}))}),
    "ResultWindow": obj({"from": D, "to": D}),
    "ExpectationStatus": obj({
        "measure": RE("measure"), "window": ref("ResultWindow"), "measured": I, "bottom": I, "satisfaction": I,
        "source": RE("expectationSource"), "level": RE("expectationLevel"),
        "history": arr(obj({"window": ref("ResultWindow"), "total": I})),
        "elapsedFraction": {"type": "number", "minimum": 0, "maximum": 1}, "elapsedMonths": I}),
    "Situation": obj({"joinReasons": arr(RE("joinReason")), "motivation": RE("motivation", True),
                      "businessType": RE("businessType", True)}, required=["joinReasons"]),
    "SituationView": obj({"customerID": ID, "situation": ref("Situation"),
                          "version": {"type": "integer", "description": "0 when nothing is recorded yet"},
                          "expectation": ref("ExpectationStatus")}),
    "SituationInput": obj({"joinReasons": {"type": "array", "items": S, "description": "Most important first"},
                           "motivation": RAW("motivation", "Signing motivation"),
                           "businessType": RAW("businessType", "Business type"), "version": VERSION}, required=[]),
    "CustomerResult": obj({"id": ID, "customerID": ID,
                           "record": obj({"on": D, "measure": RE("measure"), "value": I}),
                           "note": S, "recordedBy": IDN, "createdAt": DT, "deletedAt": DTN},
                          required=["id", "customerID", "record", "note", "createdAt"]),
    "ResultInput": obj({"on": D, "measure": RE("measure"),
                        "value": {"type": "integer", "minimum": 0, "description": "A count, or revenue in minor units"},
                        "note": S}, required=["on", "measure", "value"]),
    "CareDate": obj({"kind": RE("careKind"), "calendar": RE("careCalendar"), "month": I, "day": I, "leapMonth": B,
                     "year": {"type": ["integer", "null"]}, "leadDays": I, "title": S},
                    required=["kind", "calendar", "month", "day", "leapMonth", "leadDays", "title"]),
    "CustomerCareDate": obj({"id": ID, "customerID": ID, "contactID": IDN, "date": ref("CareDate"), "nextOn": D,
                             "createdAt": DT, "updatedAt": DT, "deletedAt": DTN, "version": I},
                            required=["id", "customerID", "date", "nextOn", "createdAt", "updatedAt", "version"]),
    "CareDateInput": obj({
        "kind": RE("careKind"), "calendar": {**RE("careCalendar"), "description": "Defaults to solar"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31}, "leapMonth": B,
        "year": {"type": ["integer", "null"], "description": "The year of the original event, in its calendar"},
        "leadDays": {"type": "integer", "minimum": 0, "maximum": 60, "description": "Defaults to the kind's lead time"},
        "title": S, "contactID": IDN, "version": VERSION}, required=["kind", "month", "day"]),
    "HandoverLine": obj({"on": S, "text": S}),
    "Handover": obj({
        "id": ID, "customerID": ID, "fromUserID": IDN, "toUserID": ID,
        "summary": obj({"customerName": S, "previousOwnerName": SN, "activityCount": I, "noteCount": I,
                        "recentActivities": arr(ref("HandoverLine")), "openCommitments": arr(ref("HandoverLine")),
                        "keyPersons": arr(obj({"id": ID, "name": S, "title": S, "temperament": RE("temperament", True),
                                               "buyerType": RE("buyerType", True)}, required=["id", "name", "title"])),
                        "expectationLevel": RE("expectationLevel", True), "expectationText": SN},
                       required=["customerName", "activityCount", "noteCount", "recentActivities", "openCommitments",
                                 "keyPersons"]),
        "createdBy": IDN, "createdAt": DT, "readAt": DTN},
        required=["id", "customerID", "toUserID", "summary", "createdAt"]),
    "AgendaItem": obj({"kind": RE("agendaKind"), "date": D, "subjectID": S, "title": S, "customerID": IDN,
                       "customerName": SN, "contactID": IDN, "personName": SN, "userID": IDN,
                       "days": {"type": "integer", "description": "Days late (promises) or days to go (dates); 0 = today"},
                       "guidance": ref("GuidanceCard")},
                      required=["kind", "date", "subjectID", "title", "days"]),
    "Agenda": obj({"userID": ID, "today": D, "items": arr(ref("AgendaItem")),
                   "morePromises": {"type": "boolean", "description": "more promises are due than the agenda lists (it lists the oldest 50)"}}),
    "ToneFinding": obj({"ruleID": S, "category": RE("toneCategory"), "principle": RE("tonePrinciple", True),
                        "phrase": S, "offset": I, "length": I, "utf16Offset": I, "utf16Length": I,
                        "why": S, "better": S, "example": SN, "language": S},
                       required=["ruleID", "category", "phrase", "offset", "length", "utf16Offset", "utf16Length",
                                 "why", "better", "language"]),
    "ToneCheck": obj({"findings": arr(ref("ToneFinding"))}),
    "SummaryDraft": obj({"text": S, "findings": arr(ref("ToneFinding")),
                         "facts": obj({"customerName": S, "recipientName": SN, "senderName": S,
                                       "kept": arr(obj({"title": S, "evidence": S})), "contacts": arr(S),
                                       "expectation": ref("ExpectationStatus")},
                                      required=["customerName", "senderName", "kept", "contacts", "expectation"])}),
    "PersonalityMixRow": obj({"ownerID": ID, "status": E("status"), "temperament": RE("temperament", True),
                              "buyerType": RE("buyerType", True), "count": I}, required=["ownerID", "status", "count"]),
})
for name in ["Commitment", "Notice", "CustomerResult", "CustomerCareDate", "Handover", "PersonalityMixRow"]:
    schemas[name + "Page"] = page(name)

NO_CONTENT = lambda desc: {"204": {"description": desc}, **ERR}
def person_paths(base, who):
    return {"parameters": [PID],
            "get": {"tags": ["Relationships"], "summary": f"The personality of {who}, with its guidance card in the request language",
                    "responses": ok("PersonalityView")},
            "put": {"tags": ["Relationships"], "summary": f"Record questionnaire answers, confirm a temperament, set buyer or online type of {who} (version 0 creates)",
                    "requestBody": body("PersonalityInput"), "responses": ok("PersonalityView")}}
customer_person = person_paths("/customers", "a customer who is a person (403 for organisations)")

paths.update({
    "/customers/{id}/commitments": {"parameters": [PID],
        "get": {"tags": ["Promises"], "summary": "A customer's promises (open first)", "responses": ok("CommitmentPage")},
        "post": {"tags": ["Promises"], "summary": "Record a promise (owner defaults to the customer's owner)",
                 "requestBody": body("CommitmentInput"), "responses": ok("Commitment", "201", "Created")}},
    "/commitments": {"get": {"tags": ["Promises"], "summary": "Promises across visible customers, by due date",
        "parameters": [qp("owner", S, "me or a user id"), qp("state", RE("commitmentState")),
                       qp("overdue", B, "open and due before today"), qp("dueBefore", D), qp("dueBy", D),
                       qp("customer", ID)] + LIST,
        "responses": ok("CommitmentPage")}},
    "/notices": {"get": {"tags": ["Notices"], "summary": "Your notices, newest first",
                         "parameters": [qp("unread", B)] + LIST, "responses": ok("NoticePage")}},
    "/notices/read": {"post": {"tags": ["Notices"], "summary": "Mark all your notices read", "responses": NO_CONTENT("Marked")}},
    "/notices/{id}/read": {"parameters": [PID], "post": {"tags": ["Notices"], "summary": "Mark one notice read",
                                                         "responses": NO_CONTENT("Marked")}},
    "/contacts/{id}/personality": person_paths("/contacts", "a key person"),
    "/customers/{id}/personality": customer_person,
    "/personality/questionnaire": {"get": {"tags": ["Relationships"], "summary": "The temperament questionnaire in the request language",
                                           "responses": ok("Questionnaire")}},
    "/customers/{id}/situation": {"parameters": [PID],
        "get": {"tags": ["Relationships"], "summary": "Why the customer joined, what drives them, and their expectation status",
                "responses": ok("SituationView")},
        "put": {"tags": ["Relationships"], "summary": "Change the situation (version 0 creates)",
                "requestBody": body("SituationInput"), "responses": ok("SituationView")}},
    "/customers/{id}/results": {"parameters": [PID],
        "get": {"tags": ["Relationships"], "summary": "A customer's recorded results, oldest first", "responses": ok("CustomerResultPage")},
        "post": {"tags": ["Relationships"], "summary": "Record a measured result", "requestBody": body("ResultInput"),
                 "responses": ok("CustomerResult", "201", "Created")}},
    "/customers/{id}/results/{result}": {
        "parameters": [PID, {"name": "result", "in": "path", "required": True, "schema": ID}],
        "delete": {"tags": ["Relationships"], "summary": "Remove a result entered by mistake (restore=true brings it back)",
                   "parameters": [qp("restore", B)], "responses": NO_CONTENT("Done")}},
    "/customers/{id}/care-dates": {"parameters": [PID],
        "get": {"tags": ["Care dates"], "summary": "A customer's care dates, soonest first", "responses": ok("CustomerCareDatePage")},
        "post": {"tags": ["Care dates"], "summary": "Add a birthday, anniversary, founding day or honour (solar or lunar)",
                 "requestBody": body("CareDateInput"), "responses": ok("CustomerCareDate", "201", "Created")}},
    "/care-dates/{id}": {"parameters": [PID],
        "patch": {"tags": ["Care dates"], "summary": "Replace a care date (send the version you read)",
                  "requestBody": body("CareDateInput"), "responses": ok("CustomerCareDate")},
        "delete": {"tags": ["Care dates"], "summary": "Delete a care date (soft; restorable)", "responses": ok("CustomerCareDate")}},
    "/care-dates/{id}/restore": {"parameters": [PID], "post": {"tags": ["Care dates"], "summary": "Restore a deleted care date",
                                                              "responses": ok("CustomerCareDate")}},
    "/customers/{id}/handovers": {"parameters": [PID], "get": {"tags": ["Handovers"], "summary": "A customer's handovers, newest first",
                                                              "responses": ok("HandoverPage")}},
    "/handovers": {"get": {"tags": ["Handovers"], "summary": "Handovers you received and have not read", "responses": ok("HandoverPage")}},
    "/handovers/{id}": {"parameters": [PID], "get": {"tags": ["Handovers"], "summary": "One handover with its snapshot",
                                                    "responses": ok("Handover")}},
    "/handovers/{id}/read": {"parameters": [PID], "post": {"tags": ["Handovers"], "summary": "Mark a handover read (its recipient only)",
                                                          "responses": ok("Handover")}},
    "/agenda": {"get": {"tags": ["Agenda"], "summary": "Today's agenda: promises, planned contacts, care dates, holidays, handovers",
                        "parameters": [qp("user", ID, "a team member's agenda (managers and admins)")], "responses": ok("Agenda")}},
    "/tone-check": {"post": {"tags": ["Agenda"], "summary": "Check a draft message's tone (Chinese and English rules; at most 20,000 characters)",
                             "requestBody": {"required": True, "content": {"application/json": {"schema": obj({"text": S})}}},
                             "responses": ok("ToneCheck")}},
    "/customers/{id}/summary-draft": {"parameters": [PID], "get": {"tags": ["Agenda"],
        "summary": "A draft after-deal summary message: what was done and kept for the customer, tone-checked",
        "parameters": [qp("contact", ID, "the key person it is addressed to"), qp("days", {"type": "integer", "minimum": 1, "maximum": 730}),
                       qp("lang", E("language"))],
        "responses": ok("SummaryDraft")}},
    "/team/personality-mix": {"get": {"tags": ["Relationships"], "summary": "Temperaments and buyer types per owner and status (managers)",
                                      "responses": ok("PersonalityMixRowPage")}},
})
paths.update(crud("Promises", "Commitment", "CommitmentInput", "/commitments"))

# Reference data an admin edits without a rebuild, and the results import.
REF_NAMES = ["guidance.zh-Hans", "guidance.en", "temperament-questionnaire.zh-Hans", "temperament-questionnaire.en",
             "tone-rules.zh-Hans", "tone-rules.en", "holidays", "expectations"]
schemas.update({
    "ReferenceFileInfo": obj({"name": {"type": "string", "enum": REF_NAMES}, "edited": B, "version": I,
                              "updatedAt": DT, "updatedBy": ID}, required=["name", "edited", "version"]),
    "ReferenceFileContent": obj({"name": {"type": "string", "enum": REF_NAMES}, "content": S, "edited": B,
                                 "version": {"type": "integer", "description": "0 for the shipped file"}}),
    "ReferenceFileInput": obj({"content": S, "version": {"type": "integer", "description": "the version read (0 = the shipped file)"}},
                              required=["content"]),
})
schemas["ReferenceFileInfoPage"] = page("ReferenceFileInfo")
REF_NAME = {"name": "name", "in": "path", "required": True, "schema": {"type": "string", "enum": REF_NAMES}}
paths.update({
    "/admin/reference-files": {"get": {"tags": ["Admin"], "summary": "The reference files and whether an admin edited them (admins)",
                                       "responses": ok("ReferenceFileInfoPage")}},
    "/admin/reference-files/{name}": {"parameters": [REF_NAME],
        "get": {"tags": ["Admin"], "summary": "One reference file's text (the edited copy, else the shipped file)",
                "responses": ok("ReferenceFileContent")},
        "put": {"tags": ["Admin"], "summary": "Save an edited copy (validated; a broken file is refused naming the place)",
                "requestBody": body("ReferenceFileInput"), "responses": ok("ReferenceFileContent")},
        "delete": {"tags": ["Admin"], "summary": "Drop the edited copy: the shipped file applies again",
                   "responses": ok("ReferenceFileContent")}},
    "/results/import": {"post": {"tags": ["Files"], "summary": "Import measured results (customer, date, measure, value, note)",
                                 "parameters": [qp("fileName"), qp("dryRun", B)],
                                 "requestBody": {"required": True, "content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}},
                                 "responses": ok("ImportReport")}},
})

# Each feature area keeps its part in scripts/openapi/<area>.py: a module with
# `def extend(ns)` that adds to ns["schemas"] and ns["paths"], using the helpers above
# (ns is this script's globals). Parts load in file-name order.
import importlib.util
for part in sorted((pathlib.Path(__file__).resolve().parent / "openapi").glob("*.py")):
    spec = importlib.util.spec_from_file_location(f"openapi_{part.stem}", part)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.extend(globals())

doc = {
    "openapi": "3.1.0",
    "info": {"title": "Rapport API", "version": "1.0.0",
             "description": "Relationship-first CRM. Authenticate with a personal access token: `Authorization: Bearer rpt_…`. "
                            "Errors are application/problem+json. Lists use keyset pagination: pass `nextCursor` back as `cursor`. "
                            "Updates carry the `version` you read; a stale one gets 409."},
    "servers": [{"url": "/api/v1"}],
    "security": [{"bearer": []}],
    "paths": dict(sorted(paths.items())),
    "components": {"schemas": schemas, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
}
out = pathlib.Path(__file__).resolve().parent.parent / "Sources/RapportHTTP/Resources/openapi.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
print(f"wrote {out}")
