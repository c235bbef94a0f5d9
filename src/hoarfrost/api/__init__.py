"""The HTTP API (`hoarfrost serve`): a thin face over the library, FastAPI on uvicorn.

`app.create_app` builds the application; each group of routes is its own module (`routes_*.py`) with
an `APIRouter` that `app.py` includes, so new groups (customers, alerts, decisions) drop in beside the
others. Pydantic models live only here, at the edge (`schemas.py`); the library below speaks dataclasses.
"""
