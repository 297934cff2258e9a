"""Tables of resolver cases shared by a test module and the oracle.

Each module holds the rows of one family; its test module parametrises over
them, and ``test_resolver_oracle`` calls every resolved row for real. Test
modules never import one another: what two of them read lives here.
"""
