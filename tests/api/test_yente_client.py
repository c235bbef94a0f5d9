"""A real yente client, nomenklatura's YenteEnricher (as OpenSanctions' own pipelines use it), pointed at
hoarfrost: it matches, loads each result as a FollowTheMoney entity, and fetches the entity it matched.
nomenklatura is a test dependency (the dev extra), so `make test` always runs this."""

from __future__ import annotations

from pathlib import Path

from tests.api.conftest import Server
from tests.api.test_api import listed_person


def test_a_yente_client_matches_and_expands_against_hoarfrost(server: Server, tmp_path: Path) -> None:
    from followthemoney import Dataset, StatementEntity
    from nomenklatura.cache import Cache
    from nomenklatura.db import make_session
    from nomenklatura.enrich import make_enricher

    entity_id, name = listed_person(server)
    with make_session(f"sqlite:///{tmp_path / 'nomenklatura.db'}") as session:
        dataset = Dataset.make({"name": "bank_customers", "title": "Customers"})
        config = {"type": "nomenklatura.enrich.yente:YenteEnricher", "api": f"{server.url}/", "dataset": "default",
                  "api_key": server.keys["screening"], "cache_days": 0}
        enricher = make_enricher(dataset, Cache(session, dataset, create=True), config)
        customer = StatementEntity.from_data(dataset, {"id": "customer-1", "schema": "Person",
                                                       "properties": {"name": [name]}})
        matches = list(enricher.match(customer))
        assert matches and matches[0].id == entity_id
        assert matches[0].schema.name == "Person" and name in matches[0].get("name")
        expanded = list(enricher.expand(customer, matches[0]))
    assert expanded[0].id == entity_id and name in expanded[0].get("name")
