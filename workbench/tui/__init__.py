"""The review TUI: the analyst's main room. Imported lazily by `workbench review`.

Layers: `store` and `writes` call the services on worker threads (never SQL here); `window` is the
pure paging logic of the virtual statement list; widgets draw; the screen wires keys to workers.
"""
