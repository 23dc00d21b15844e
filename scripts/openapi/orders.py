"""Products, orders and payment collection (issue 4)."""


def extend(ns):
    obj, ref, arr, ok, body, qp = ns["obj"], ns["ref"], ns["arr"], ns["ok"], ns["body"], ns["qp"]
    S, SN, I, B, ID, IDN, DT, DTN = ns["S"], ns["SN"], ns["I"], ns["B"], ns["ID"], ns["IDN"], ns["DT"], ns["DTN"]
    page, PID, LIST, ERR = ns["page"], ns["PID"], ns["LIST"], ns["ERR"]
    DATE = {"type": "string", "format": "date"}
    MONEY = {"type": "integer", "description": "minor units (fen, cents)"}
    IN = {"type": ["integer", "null"]}
    STATUS = {"type": "string", "enum": ["confirmed", "fulfilled", "cancelled"]}
    METHOD = {"type": "string", "enum": ["bankTransfer", "cash", "cheque", "card", "alipay", "wechatPay", "other"]}
    PSTATE = {"type": "string", "enum": ["pending", "partial", "paid", "overdue", "void"]}
    VERSION = {"type": "integer", "description": "Required on PATCH: the version you read (or send If-Match)."}
    FILES = {"required": True, "content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}
    schemas = ns["schemas"]
    kinds = schemas["Notice"]["properties"]["kind"]["enum"]
    for kind in ["paymentDue", "paymentOverdue"]:
        if kind not in kinds:
            kinds.append(kind)
    schemas.update({
        "ProductCategory": obj({"id": ID, "name": S, "position": I, "createdAt": DT, "updatedAt": DT, "deletedAt": DTN,
                                "version": I}, required=["id", "name", "position", "version"]),
        "ProductCategoryInput": obj({"name": S, "position": I, "version": VERSION}, required=[]),
        "Product": obj({"id": ID, "categoryID": IDN, "code": S, "name": S, "unit": S, "price": MONEY, "cost": MONEY,
                        "currency": S, "termMonths": IN, "active": B, "description": S, "createdAt": DT, "updatedAt": DT,
                        "deletedAt": DTN, "version": I},
                       required=["id", "code", "name", "unit", "price", "cost", "currency", "active", "description", "version"]),
        "ProductInput": obj({"categoryID": IDN, "code": S, "name": S, "unit": S, "price": MONEY, "cost": MONEY,
                             "currency": S, "termMonths": IN, "active": B, "description": S, "version": VERSION}, required=[]),
        "OrderLine": obj({"lineNo": I, "productID": IDN, "description": S, "quantity": {"type": "number"},
                          "unitPrice": MONEY, "unitCost": MONEY, "amount": MONEY, "costAmount": MONEY},
                         required=["lineNo", "description", "quantity", "unitPrice", "unitCost", "amount", "costAmount"]),
        "OrderLineInput": obj({"productID": IDN, "description": {**S, "description": "default: the product's name"},
                               "quantity": {"type": "number", "exclusiveMinimum": 0},
                               "unitPrice": {**MONEY, "description": "minor units; default: the product's price"},
                               "unitCost": {**MONEY, "description": "minor units; default: the product's cost (0 without one)"}},
                              required=["quantity"]),
        "InstalmentInput": obj({"amount": MONEY, "dueOn": DATE, "method": METHOD,
                                "remindDays": {"type": "integer", "minimum": 0, "maximum": 365, "description": "default 3"},
                                "note": S}, required=["amount", "dueOn"]),
        "Order": obj({"id": ID, "number": S, "customerID": ID, "repID": IDN, "dealID": IDN, "orderedOn": DATE,
                      "status": STATUS, "currency": S, "revenue": MONEY, "cost": MONEY, "profit": MONEY, "note": S,
                      "lines": arr(ref("OrderLine")), "createdBy": IDN, "createdAt": DT, "updatedAt": DT,
                      "deletedAt": DTN, "version": I},
                     required=["id", "number", "customerID", "orderedOn", "status", "currency", "revenue", "cost",
                               "profit", "note", "lines", "version"]),
        "OrderInput": obj({"customerID": {**ID, "description": "Required on POST /orders"},
                           "number": {**S, "description": "default: generated SO-YYYYMMDD-xxxxxx; unique"},
                           "orderedOn": DATE, "repID": ID, "dealID": ID, "currency": S, "status": STATUS, "note": S,
                           "lines": arr(ref("OrderLineInput")),
                           "instalments": {**arr(ref("InstalmentInput")),
                                           "description": "default: the whole revenue due 30 days after the order date"},
                           "version": VERSION}, required=[]),
        "OrderTotals": obj({"currency": S, "count": I, "revenue": MONEY, "cost": MONEY, "profit": MONEY}),
        "OrderPage": obj({"items": arr(ref("Order")), "nextCursor": SN, "totals": arr(ref("OrderTotals"))},
                         required=["items", "totals"]),
        "PaymentInstalment": obj({"id": ID, "orderID": ID, "customerID": ID, "seq": I, "amount": MONEY, "received": MONEY,
                                  "dueOn": DATE, "method": METHOD, "remindDays": I, "remindOn": DATE, "state": PSTATE,
                                  "note": S, "createdAt": DT, "updatedAt": DT, "version": I}),
        "PaymentReceipt": obj({"id": ID, "orderID": ID, "instalmentID": IDN, "amount": MONEY, "receivedOn": DATE,
                               "method": METHOD, "reference": S, "recordedBy": IDN, "createdAt": DT, "voidedAt": DTN,
                               "voidedBy": IDN}, required=["id", "orderID", "amount", "receivedOn", "method", "reference"]),
        "PaymentPlan": obj({"orderID": ID, "currency": S, "revenue": MONEY, "received": MONEY, "outstanding": MONEY,
                            "overdue": MONEY, "instalments": arr(ref("PaymentInstalment")),
                            "receipts": arr(ref("PaymentReceipt"))}),
        "PaymentPlanInput": obj({"instalments": arr(ref("InstalmentInput"))}),
        "ReceiptInput": obj({"instalmentID": {**ID, "description": "default: the earliest open instalment"},
                             "amount": MONEY, "receivedOn": {**DATE, "description": "default: today"},
                             "method": METHOD, "reference": S}, required=["amount"]),
        "DueInstalment": obj({"instalment": ref("PaymentInstalment"), "orderNumber": S, "currency": S, "customerID": ID,
                              "customerName": S, "repID": IDN}, required=["instalment", "orderNumber", "currency",
                                                                        "customerID", "customerName"]),
    })
    for name in ["Product", "ProductCategory", "DueInstalment"]:
        schemas[name + "Page"] = page(name)
    ORDER_FILTERS = [qp("customer", ID), qp("rep", S, "me or a user id"), qp("status", STATUS),
                     qp("from", DATE, "order date on or after"), qp("through", DATE, "order date on or before"),
                     qp("deleted", B, "deleted orders instead of live ones")]
    T = ["Orders"]
    ns["paths"].update({
        "/products": {
            "get": {"tags": T, "summary": "The catalogue (everyone)", "parameters": [qp("active", B), qp("category", ID), qp("q")] + LIST,
                    "responses": ok("ProductPage")},
            "post": {"tags": T, "summary": "Add a product (admins)", "requestBody": body("ProductInput"),
                     "responses": ok("Product", "201", "Created")}},
        "/products/{id}": {"parameters": [PID],
            "get": {"tags": T, "summary": "Read a product", "responses": ok("Product")},
            "patch": {"tags": T, "summary": "Change a product, e.g. active=false (admins)", "requestBody": body("ProductInput"),
                      "responses": ok("Product")}},
        "/product-categories": {
            "get": {"tags": T, "summary": "Product categories in display order", "responses": ok("ProductCategoryPage")},
            "post": {"tags": T, "summary": "Add a category (admins)", "requestBody": body("ProductCategoryInput"),
                     "responses": ok("ProductCategory", "201", "Created")}},
        "/product-categories/{id}": {"parameters": [PID],
            "patch": {"tags": T, "summary": "Rename or move a category (admins)", "requestBody": body("ProductCategoryInput"),
                      "responses": ok("ProductCategory")},
            "delete": {"tags": T, "summary": "Remove a category (admins)", "responses": ok("ProductCategory")}},
        "/orders": {
            "get": {"tags": T, "summary": "Orders of visible customers, newest first, with totals of the whole selection",
                    "parameters": ORDER_FILTERS + LIST, "responses": ok("OrderPage")},
            "post": {"tags": T, "summary": "Record an order (body names customerID)", "requestBody": body("OrderInput"),
                     "responses": ok("Order", "201", "Created")}},
        "/orders/import": {"post": {"tags": ["Files"], "summary": "Import orders, one row per line; rows sharing an order number form one order",
                                    "parameters": [qp("fileName"), qp("dryRun", B)], "requestBody": FILES,
                                    "responses": ok("ImportReport")}},
        "/customers/{id}/orders": {"parameters": [PID],
            "get": {"tags": T, "summary": "A customer's orders with totals", "parameters": LIST, "responses": ok("OrderPage")},
            "post": {"tags": T, "summary": "Record an order for this customer", "requestBody": body("OrderInput"),
                     "responses": ok("Order", "201", "Created")}},
        "/orders/{id}": {"parameters": [PID],
            "get": {"tags": T, "summary": "Read an order", "responses": ok("Order")},
            "patch": {"tags": T, "summary": "Change an order (lines only while no receipt counts)", "requestBody": body("OrderInput"),
                      "responses": ok("Order")},
            "delete": {"tags": T, "summary": "Delete an order (soft; restorable)", "responses": ok("Order")}},
        "/orders/{id}/restore": {"parameters": [PID], "post": {"tags": T, "summary": "Restore a deleted order", "responses": ok("Order")}},
        "/orders/{id}/cancel": {"parameters": [PID], "post": {"tags": T, "summary": "Cancel an order (voids its plan; receipts must be voided first)",
                                                              "responses": ok("Order")}},
        "/orders/{id}/payment-plan": {"parameters": [PID],
            "get": {"tags": T, "summary": "Instalments, receipts, received, outstanding and overdue", "responses": ok("PaymentPlan")},
            "put": {"tags": T, "summary": "Replace the plan (amounts add up to the revenue; no receipt may count)",
                    "requestBody": body("PaymentPlanInput"), "responses": ok("PaymentPlan")}},
        "/orders/{id}/receipts": {"parameters": [PID],
            "post": {"tags": T, "summary": "Record money received (more than the instalment expects is refused)",
                     "requestBody": body("ReceiptInput"), "responses": ok("PaymentPlan", "201", "Recorded")}},
        "/receipts/{id}/void": {"parameters": [PID],
            "post": {"tags": T, "summary": "Void a receipt (its instalment expects the money again)", "responses": ok("PaymentPlan")}},
        "/payments/due": {"get": {"tags": T, "summary": "Open instalments due by a day across visible customers",
                                  "parameters": [qp("through", DATE, "default: 7 days ahead"), qp("overdue", B, "only past due"),
                                                 qp("rep", S, "me or a user id")] + LIST,
                                  "responses": ok("DueInstalmentPage")}},
    })
