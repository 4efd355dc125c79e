"""Renderers: each turns one computed table or report into one output format.

Only this package imports rich.
"""
