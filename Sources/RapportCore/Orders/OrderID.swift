/// Orders are identified by `OrderID`; the order type itself lives beside this file.
public typealias OrderID = Identifier<Order>
