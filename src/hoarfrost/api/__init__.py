"""The HTTP API (`hoarfrost serve`): a thin face over the library, FastAPI on uvicorn.

`app.create_app` builds the application; each group of routes is its own module (`routes_*.py`) with
an `APIRouter` named `router`, listed in `app.ROUTERS`, so new groups drop in beside the others.
Pydantic models live only here, at the edge (`schemas.py`); the library below speaks dataclasses.
Each route names the least role it needs (`auth.requires(Role.X)`); a role includes those below it.

Routes and roles (screening < analyst < supervisor < admin):

    GET  /healthz                          none
    POST /screen, /screen/batch            screening
    POST /match/{dataset}                  screening   (yente's shape)
    GET  /lists, /lists/{source}/diff      screening
    GET  /entities/{entity_id}             screening
    GET  /audit/export                     supervisor
    GET  /alerts, /alerts/{id}             analyst     (routes_cases.py, over cases/queries.py)
    POST /alerts/{id}/decisions            analyst     decide(action, reason, expected_revision): 409 when
                                                       another decision came first, 403 on four eyes; an
                                                       escalated alert needs supervisor
    POST /alerts/{id}/allow                supervisor  allow (silences the pair until either side changes)
    POST /allow-list/{entry_id}/revoke     supervisor  revoke_allow, with a reason
    GET  /customers, /customers/{id}       analyst     (routes_customers.py, over customers/registry.py)
    GET  /customers/{id}/history           analyst
    POST /customers                        admin       upsert_customers (changes who is monitored; screens)
    POST /customers/{id}/delete            admin       delete_customers, with a reason (closes open alerts)
    GET  /reports/freezes?format=csv|html  supervisor  the freeze report (routes_reports.py; audited)
    GET  /audit/verify[?anchor=SEQ:HASH]   supervisor  audit.verify: {ok, records, problems}
    GET  /audit/head                       supervisor  the newest record as an anchor to keep elsewhere
"""
