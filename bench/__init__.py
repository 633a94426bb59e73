"""Benchmarks and fault tests (`make bench`, `make faults`): never run as tests, never shipped."""
