"""relint: track a regional international-relations plan's KPIs against its targets."""

__version__ = "0.1.0"
