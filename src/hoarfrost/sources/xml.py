"""Safe, streaming XML for list readers.

defusedxml refuses what a sanctions list never needs (a DTD, entity
declarations, external references), which closes the XML bomb and the
external-entity attack at once. Namespaces are stripped from tags as they are
parsed, because publishers change them (OFAC's sdnList moved from
tempuri.org to treas.gov) while the element names stay the same.

Also here: `root_tag`, which `sniff` methods use to see a format's root element
in the first bytes, and `iter_records`, the record loop of formats whose root
element carries the publication date (UN, EU FSF, SECO).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import IO

import defusedxml
import defusedxml.ElementTree as DET

from hoarfrost.errors import HostileInputError, ListFileError
from hoarfrost.sources.base import ReadReport, text_of
from hoarfrost.values.dates import parse_partial_date

_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def iter_elements(
    stream: IO[bytes], name: str, records: set[str], *, root: list[ET.Element] | None = None
) -> Iterator[ET.Element]:
    """Yield each complete element whose (namespace-free) tag is in `records`.

    Each yielded element is cleared once the caller moves on, so memory stays
    flat however long the list is. When `root` is given, the root element is
    appended to it as soon as it opens, so its attributes (publication dates)
    can be read before the first record.
    """
    depth_of_record = 0
    try:
        for event, elem in DET.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                elem.tag = local_name(elem.tag)
                if root is not None and not root:
                    root.append(elem)
                if elem.tag in records:
                    depth_of_record += 1
                continue
            if elem.tag in records:
                depth_of_record -= 1
                if depth_of_record == 0:
                    yield elem
                    elem.clear()
    except ET.ParseError as exc:
        line, column = exc.position
        if "no element found" in str(exc) and line <= 1 and column == 0:
            raise ListFileError(name, "the file is empty") from None
        problem = str(exc).split(":")[0]
        raise ListFileError(name, f"malformed XML: {problem}", where=f"line {line}, column {column}") from None
    except defusedxml.DTDForbidden:
        raise HostileInputError(name, "the XML declares a DTD, which no list needs; refused") from None
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise HostileInputError(name, "the XML declares entities or external references; refused") from None


def find_text(elem: ET.Element, path: str) -> str | None:
    """Cleaned text at a namespace-free path, or None."""
    found = elem.find(path)
    return text_of(found.text) if found is not None else None


def find_texts(elem: ET.Element, path: str) -> list[str]:
    """Every non-empty cleaned text at a path."""
    values = (text_of(found.text) for found in elem.iterfind(path))
    return [value for value in values if value]


def iter_records(
    stream: IO[bytes],
    name: str,
    records: set[str],
    *,
    root_tag: str,
    what: str,
    on_root: Callable[[ET.Element], None],
) -> Iterator[ET.Element]:
    """`iter_elements` for a file whose root element must be `root_tag`; any other is refused as not `what`.

    `on_root` is given the checked root before each record and once more at the
    end, so a reader can take the publication date from it even when the file
    holds no record.
    """
    root: list[ET.Element] = []
    for elem in iter_elements(stream, name, records, root=root):
        on_root(_checked_root(root, name, root_tag, what))
        yield elem
    on_root(_checked_root(root, name, root_tag, what))


def published_from_root(report: ReadReport, attribute: str, root: ET.Element) -> None:
    """Take the publication date from an attribute of the root element, unless the report has one."""
    if report.published is None:
        found = parse_partial_date(root.get(attribute))
        if found is not None:
            report.published = found.iso


def _checked_root(root: list[ET.Element], name: str, tag: str, what: str) -> ET.Element:
    if not root:
        raise ListFileError(name, "the file holds no XML element")
    if root[0].tag != tag:
        raise ListFileError(name, f"not {what}: root element is <{root[0].tag}>")
    return root[0]


def root_tag(head: bytes) -> bytes | None:
    """The local name of the first element in an XML head (after declaration, comments, BOM)."""
    position = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        start = head.find(b"<", position)
        if start < 0 or start + 1 >= len(head) or head[position:start].strip():
            return None  # text before the first tag: not an XML document (a README that quotes XML)
        if head.startswith(b"<!--", start):
            end = head.find(b"-->", start + 4)
            if end < 0:
                return None
            position = end + 3
            continue
        if head[start + 1 : start + 2] in (b"?", b"!"):
            end = head.find(b">", start + 2)  # past the declaration or DOCTYPE line
            subset = head.find(b"[", start, end)
            if subset >= 0:  # a DOCTYPE with an internal subset ends at "]>"
                end = head.find(b">", head.find(b"]", subset))
            if end < 0:
                return None
            position = end + 1
            continue
        match = _ROOT_TAG.match(head, start)
        return match.group(2) if match else None
