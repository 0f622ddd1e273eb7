"""ODD customisations: compiled to RELAX NG (with their constraints as Schematron) by the TEI
Stylesheets' own processors, against the P5 source that ships with teikit, and cached.

What teikit adds to the Stylesheets is what an editor needs from a command line: every source
of a chain read locally (a customisation of a customisation compiled first; a pinned TEI
release mapped to the shipped one, with a warning; nothing ever fetched), mistakes said as one
line at their place (a chain that loops, an unknown module, a change to an element that does
not exist, a file that is not there), and a cache keyed by the content of every file of the
chain, so that validating against an ODD costs its compilation once.
"""

from .compiler import P5_VERSION, Compiled, compile_odd, compiled_schema, is_odd

__all__ = ["Compiled", "P5_VERSION", "compile_odd", "compiled_schema", "is_odd"]
