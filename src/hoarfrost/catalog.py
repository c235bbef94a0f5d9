"""The official lists hoarfrost fetches with `update`: publisher URLs, formats and terms.

A URL can be replaced per list with HOARFROST_URL_<KEY> (e.g.
HOARFROST_URL_UN_SC), for a mirror inside a bank's network.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OfficialList:
    key: str
    title: str
    publisher: str
    urls: tuple[str, ...]  # every file of one snapshot
    formats: tuple[str, ...]  # formats this list may come in (for local copies)
    terms: str


OFFICIAL_LISTS: tuple[OfficialList, ...] = (
    OfficialList(
        "un_sc", "UN Security Council Consolidated List", "United Nations Security Council",
        ("https://scsanctions.un.org/resources/xml/en/consolidated.xml",),
        ("un_sc_xml",), "UN publication; free to reuse with attribution.",
    ),
    OfficialList(
        "us_ofac_sdn", "OFAC Specially Designated Nationals (SDN) List", "US Treasury, OFAC",
        ("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ENHANCED.ZIP",),
        ("ofac_enhanced_xml", "ofac_csv", "ofac_sdnlist_xml", "ofac_advanced_xml"),
        "US federal government work: public domain.",
    ),
    OfficialList(
        "us_ofac_cons", "OFAC Consolidated (non-SDN) Sanctions List", "US Treasury, OFAC",
        ("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ENHANCED.ZIP",),
        ("ofac_enhanced_xml", "ofac_sdnlist_xml", "ofac_advanced_xml"),
        "US federal government work: public domain.",
    ),
    OfficialList(
        "eu_fsf", "EU Consolidated Financial Sanctions List (FSF)", "European Commission, DG FISMA",
        ("https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",),
        ("eu_fsf_xml",), "EU Commission publication; reuse allowed with attribution (Decision 2011/833/EU).",
    ),
    OfficialList(
        "uk_fcdo", "UK Sanctions List", "UK Foreign, Commonwealth & Development Office",
        ("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",),
        ("uk_fcdo_xml",), "Crown copyright, Open Government Licence v3.0.",
    ),
    OfficialList(
        "uk_ofsi", "UK OFSI Consolidated List (ConList)", "HM Treasury, OFSI",
        ("https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",),
        ("uk_ofsi_csv", "uk_ofsi_xlsx"),
        "Crown copyright, Open Government Licence v3.0. OFSI retired the ConList in favour of the UK Sanctions List.",
    ),
    OfficialList(
        "ch_seco", "Swiss SECO Sanctions List", "Swiss State Secretariat for Economic Affairs (SECO)",
        ("https://www.sesam.search.admin.ch/sesam-search-web/pages/downloadXmlGesamtliste.xhtml"
         "?lang=en&action=downloadXmlGesamtlisteAction",),
        ("ch_seco_xml",), "Swiss federal publication; terms not stated in the file.",
    ),
    OfficialList(
        "au_dfat", "Australian Consolidated Sanctions List", "Australian Department of Foreign Affairs and Trade",
        ("https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx",),
        ("au_dfat_xlsx",), "Australian government publication; terms not stated in the file.",
    ),
    OfficialList(
        "ca_sema", "Canada Consolidated Autonomous Sanctions List (SEMA)", "Global Affairs Canada",
        ("https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-"
         "relations_internationales/sanctions/sema-lmes.xml",),
        ("ca_sema_xml",), "Government of Canada publication; Open Government Licence - Canada.",
    ),
    OfficialList(
        "us_csl", "US Consolidated Screening List", "US Department of Commerce, International Trade Administration",
        ("https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",),
        ("us_csl_csv",), "US federal government work: public domain.",
    ),
)

BY_KEY = {entry.key: entry for entry in OFFICIAL_LISTS}
