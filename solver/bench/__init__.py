"""Benchmarks of the engine: the shared samples and the B2B research instances.

Developer tools beside the engine; they read files, the engine never does.
"""
