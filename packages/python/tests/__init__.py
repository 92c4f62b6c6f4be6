"""Tests of the generated ws_close_codes module."""
