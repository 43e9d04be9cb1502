"""Hardening tests: fuzzing, faults, races and clock jumps."""
