"""The words of ``--help`` and of option errors that the command-line library writes itself.

The help of each command is its function's docstring in English and
:data:`relint_kpi.i18n.LABELS` in Italian, the help of each option comes from
:data:`~relint_kpi.i18n.LABELS` in both languages; the frame around it (``Usage:``, ``Options:``, ``[default: …]``, the type
names, ``Missing option …``) is the command-line library's own English. This
module gives that frame in Italian; the CLI puts it in place before the help
is laid out (so wrapping is done on the Italian text). Standard library only:
``--help`` must stay fast.
"""

from __future__ import annotations

import re

#: The library's own words around the help (its gettext messages), English → Italian.
GETTEXT_IT = {
    "Options": "Opzioni",
    "Commands": "Comandi",
    "Arguments": "Argomenti",
    "default: {default}": "predefinito: {default}",
    "env var: {var}": "variabile d'ambiente: {var}",
    "required": "obbligatorio",
    "(dynamic)": "(calcolato)",
    "Aborted!": "Interrotto.",
    "Missing command.": "Manca il comando.",
    "No such command {name!r}.": "Comando sconosciuto: {name!r}.",
}

#: The parts of a usage line, by language.
USAGE = {
    "it": {"prefix": "Uso: ", "options": "[OPZIONI]", "command": "COMANDO [ARGOMENTI]..."},
    "en": {"prefix": "Usage: ", "options": "[OPTIONS]", "command": "COMMAND [ARGS]..."},
}

#: Type names and placeholders shown after options, English → Italian.
METAVARS = {
    "TEXT": "TESTO",
    "INTEGER": "INTERO",
    "DATE": "DATA",
    "PATH": "PERCORSO",
    "FOLDER": "CARTELLA",
    "QUARTER": "TRIMESTRE",
    "NAME": "NOME",
    "ACTION_ID": "ID_AZIONE",
    "CATEGORY": "CATEGORIA",
    "TERRITORY": "TERRITORIO",
    "TYPE": "TIPO",
    "INDICATOR": "INDICATORE",
    "FILE": "FILE",
}


def gettext(lang: str):
    """A gettext function for the library's own messages in ``lang``."""
    if lang != "it":
        return lambda text: text
    return lambda text: GETTEXT_IT.get(text, text)


def metavar(name: str | None, lang: str) -> str | None:
    """An option's placeholder (``DATE``) in ``lang`` (``DATA``)."""
    return METAVARS.get(name, name) if lang == "it" and name else name


#: The command-line library's error messages, English pattern → Italian ({a}, {b}: the groups).
_ERRORS = [
    (re.compile(r"^Missing option '(?P<a>[^']+)'\.?$"), "manca l'opzione obbligatoria '{a}'."),
    (re.compile(r"^Missing argument '(?P<a>[^']+)'\.?$"), "manca l'argomento obbligatorio '{a}'."),
    (re.compile(r"^Missing parameter: (?P<a>.+)$"), "manca il parametro {a}."),
    (re.compile(r"^No such option: (?P<a>\S+)$"), "opzione sconosciuta: {a}."),
    (re.compile(r"^No such command '(?P<a>[^']+)'\.?$"), "comando sconosciuto: '{a}'."),
    (re.compile(r"^Missing command\.$"), "manca il comando."),
    (re.compile(r"^Got unexpected extra arguments? \((?P<a>.*)\)$"), "argomenti in più non previsti: {a}"),
    (re.compile(r"^Option '(?P<a>[^']+)' requires an argument\.$"), "l'opzione '{a}' richiede un valore."),
    (re.compile(r"^Option '(?P<a>[^']+)' requires (?P<b>\d+) arguments\.$"), "l'opzione '{a}' richiede {b} valori."),
    (re.compile(r"^Option '(?P<a>[^']+)' does not take a value\.$"), "l'opzione '{a}' non accetta un valore."),
    (re.compile(r"^Invalid value for (?P<a>.+?): (?P<b>.+)$"), "valore non valido per {a}: {b}"),
    (re.compile(r"^(?P<a>'.*') is not one of (?P<b>.+)\.$"), "{a} non è tra i valori ammessi: {b}."),
    (re.compile(r"^(?P<a>'.*') is not a valid integer\.$"), "{a} non è un numero intero."),
    (re.compile(r"^(?P<a>'.*') is not a valid [\w ]+\.$"), "{a} non è un valore ammesso."),
]
_SUGGESTION = re.compile(r"\.? Did you mean (?P<s>.+)\?$")


def error_message(text: str, lang: str) -> str:
    """One of the library's option errors in ``lang`` (an unknown one stays as it is)."""
    if lang != "it":
        return text
    suggestion = _SUGGESTION.search(text)
    tail = f" Forse si intendeva {suggestion['s']}?" if suggestion else ""
    text = text[: suggestion.start()] if suggestion else text
    for pattern, italian in _ERRORS:
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            if "b" in parts and italian.endswith("{b}"):
                parts["b"] = error_message(parts["b"], lang)  # "Invalid value for X: <a message of its own>"
            return italian.format(**parts) + tail
    return text + tail


def usage_hint(command: str, option: str, lang: str) -> str:
    """The line that points to the help after an option error."""
    if lang != "it":
        return f"Try '{command} {option}' for help."
    return f"Per l'aiuto: '{command} {option}'."
