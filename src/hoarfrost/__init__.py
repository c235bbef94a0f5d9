"""hoarfrost: sanctions screening and asset freezes against the official lists."""

__version__ = "0.1.0"
