"""luoshi (落实): turn a policy decision into work that gets done, with evidence that it is."""

__version__ = "0.1.0.dev0"
