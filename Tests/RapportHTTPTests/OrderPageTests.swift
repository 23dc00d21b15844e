import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportTestSupport
import RapportWeb
import Testing

/// The order pages through the real application on both engines: the customer page's order
/// section, the order list with totals, the new-order form's field messages, receipts from the
/// order page, the products page, and 404 for a rep who may not see the customer.
@Suite struct OrderPageTests {
    typealias Browser = CustomerFilePageTests.Browser

    @Test(arguments: TestEngine.available)
    func orderPages_showPlanTotalsAndReceipts_andOtherRepsGet404(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let world = api.world
            let customerID = try #require(try await api.customer(client, "Harbour Orders Ltd", as: "alice")["id"] as? String)
            let alice = try await Browser.signIn(world, "alice")
            let carol = try await Browser.signIn(world, "carol")

            let (formStatus, form) = try await alice.get(client, "/orders/new?customer=\(customerID)")
            #expect(formStatus == .ok)
            #expect(form.contains("id=\"order-form\""))
            let (badStatus, bad, _) = try await alice.post(client, "/orders/new", [("customer", customerID), ("orderedOn", "2026-01-05"),
                ("instalments", "1"), ("termDays", "30"), ("line0.description", "Pallets"), ("line0.quantity", "x")])
            #expect(badStatus == .unprocessableContent)
            #expect(bad.contains("id=\"line-row-0-error\""))
            let (created, _, location) = try await alice.post(client, "/orders/new", [("customer", customerID),
                ("orderedOn", api.today().description), ("instalments", "2"), ("termDays", "10"),
                ("line0.description", "Pallets"), ("line0.quantity", "4"), ("line0.unitPrice", "250.00"), ("line0.unitCost", "100")])
            #expect(created == .seeOther)
            let orderURL = try #require(location)
            let (_, page) = try await alice.get(client, orderURL)
            #expect(page.contains("¥1,000.00"))
            #expect(page.contains("id=\"instalment-2\""))
            #expect(page.contains("badge pay-pending"))
            let (receipt, _, _) = try await alice.post(client, orderURL + "/receipts", [("amount", "100"), ("receivedOn", api.today().description)])
            #expect(receipt == .seeOther)
            let (_, afterReceipt) = try await alice.get(client, orderURL)
            #expect(afterReceipt.contains("badge pay-partial"))
            let (over, overPage, _) = try await alice.post(client, orderURL + "/receipts", [("amount", "9999")])
            #expect(over == .unprocessableContent)
            #expect(overPage.contains("id=\"f-amount-error\""))

            let (_, editForm) = try await alice.get(client, orderURL + "/edit")
            #expect(editForm.contains("id=\"lines-locked\""))
            #expect(editForm.contains("value=\"Pallets\""))
            let orderID = try #require(OrderID(String(orderURL.dropFirst(8))))
            let version = try await world.app.orders.get(world.alice, orderID).version
            let (edited, _, _) = try await alice.post(client, orderURL + "/edit", [("customer", customerID), ("version", String(version)),
                ("orderedOn", api.today().description), ("note", "Rush delivery"), ("rows", "5"),
                ("line0.description", "Pallets"), ("line0.quantity", "40"), ("line0.unitPrice", "250.00")])
            #expect(edited == .seeOther)
            let (_, afterEdit) = try await alice.get(client, orderURL)
            #expect(afterEdit.contains("Rush delivery"))
            #expect(afterEdit.contains("¥1,000.00"))
            let (_, customerPage) = try await alice.get(client, "/customers/\(customerID)/sales")
            #expect(customerPage.contains("id=\"customer-orders\""))
            #expect(customerPage.contains("¥900.00"))
            let (_, list) = try await alice.get(client, "/orders?status=confirmed")
            #expect(list.contains("id=\"order-totals\""))
            #expect(list.contains("Harbour Orders Ltd"))
            let (_, products) = try await alice.get(client, "/products")
            #expect(!products.contains("id=\"product-form\""))

            let (_, due) = try await alice.get(client, "/payments/due?days=60")
            #expect(due.contains("id=\"due-list\""))
            #expect(due.contains("Harbour Orders Ltd"))
            let (_, carolDue) = try await carol.get(client, "/payments/due?days=60")
            #expect(!carolDue.contains("Harbour Orders Ltd"))
            #expect(try await carol.get(client, orderURL).0 == .notFound)
            #expect(try await carol.get(client, "/orders/new?customer=\(customerID)").0 == .notFound)
            let (_, carolList) = try await carol.get(client, "/orders")
            #expect(!carolList.contains("Harbour Orders Ltd"))
            #expect(try await carol.post(client, "/products", [("code", "X"), ("name", "X"), ("price", "1")]).0 == .forbidden)
        }
    }
}
