"""Patterns as data (TOML and JSON files beside this module) and their typed loaders."""
