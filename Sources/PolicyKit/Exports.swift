// PolicyKit is the one product: it re-exports the public API of the layers below it, so
// that `import PolicyKit` gives a user the readers, the text, the document model, the
// parser and extractors, the index, comparison and evaluation. (PolicyBytes has no
// public API: its tools are `package`, for the targets of this package only.)
@_exported import PolicyCompare
@_exported import PolicyEvaluation
@_exported import PolicyExtraction
@_exported import PolicyIndex
@_exported import PolicyModel
@_exported import PolicyOutput
@_exported import PolicyReaders
@_exported import PolicyText
