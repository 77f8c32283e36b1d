"""Coding: verb patterns, clauses, status and the coder that turns them into events."""
