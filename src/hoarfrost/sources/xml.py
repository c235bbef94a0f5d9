"""Safe, streaming XML for list readers.

defusedxml refuses what a sanctions list never needs (a DTD, entity
declarations, external references), which closes the XML bomb and the
external-entity attack at once. Namespaces are stripped from tags as they are
parsed, because publishers change them (OFAC's sdnList moved from
tempuri.org to treas.gov) while the element names stay the same.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import IO

import defusedxml
import defusedxml.ElementTree as DET

from hoarfrost.errors import HostileInputError, ListFileError
from hoarfrost.sources.base import text_of


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
