"""Constructors that pass ``**kwargs`` up the class hierarchy."""


class Command:
    """A command.

    :param name: The command's name.
    :param help: Its help text.
    :param hidden: Hide it from the help.
    """

    def __init__(self, name=None, help=None, hidden=False):
        self.name = name


class Group(Command):
    """A group of commands.

    :param commands: The commands in it.
    :param chain: Whether they can be chained.
    """

    def __init__(self, name=None, commands=None, chain=False, **kwargs):
        super().__init__(name, **kwargs)


class Collection(Group):
    """A collection of groups.

    :param sources: The groups it merges.
    """

    def __init__(self, name=None, sources=None, **kwargs):
        super().__init__(name, **kwargs)
