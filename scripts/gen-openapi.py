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
                         "rejected": arr(obj({"line": I, "errors": arr(obj({"field": S, "code": S, "detail": SN}, required=["field", "code"]))})),
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
