"""Sample material written by the luoshi team, for the demo when ../shared is absent.

The sample decision is invented: it imitates the layout of a regional decision (numbered parts,
inline headings, targets with deadlines) but is not a real document, and says so in its title.
"""

from pathlib import Path

SAMPLE_DECISION = Path(__file__).with_name("sample-decision.txt")
