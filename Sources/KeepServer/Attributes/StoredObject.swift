import KeyHierarchy

/// KeyHierarchy's managed object (identifier + attributes, never key material).
///
/// KMIP has a `ManagedObject` too (the object as Register and Get carry it), and `KeyHierarchy.ManagedObject`
/// would name a member of the class `KeyHierarchy` rather than of the module; so the alias is declared here,
/// in a file that imports only KeyHierarchy.
typealias StoredObject = ManagedObject
