"""Readers for the official list formats, one module per publisher format.

Beside the readers: what all of them use (`base`, `files`, `xml`, `tabular`),
what readers of different publishers share (`common`), and what a family of
lists shares (`uk_common`; `ofac_common`, `ofac_labels`, `ofac_features`,
`ofac_remarks`). A reader imports these, never another reader.
"""
