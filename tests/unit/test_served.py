"""The site's scripts and stylesheets as served: minified, joined, and a script that cannot be read
reported as a problem with its file and line, not a traceback."""

from __future__ import annotations

import json
import subprocess

import pytest

from guidance.problems import ContentError
from guidance.served import data_literal, joined_script, script, scripts_given_data, scripts_in_one_function, stylesheet


def run(source: str) -> str:
    """What ``source`` prints to the console under Node."""
    return subprocess.run(["node", "-e", source],
                          capture_output=True, text=True, check=True).stdout


def test_a_script_is_minified_and_does_the_same():
    source = """
        /* A comment only a maintainer reads. */
        (function () {
          "use strict";
          var longDescriptiveName = [1, 2, 3];  // local: may be renamed
          globalThis.result = longDescriptiveName.map(function (value) { return value * 2; });
          console.log(JSON.stringify(globalThis.result));
        })();
    """
    served = script(source, "example.js")
    assert len(served) < len(source) / 2
    assert "comment" not in served and "longDescriptiveName" not in served
    assert run(served) == run(source) == "[2,4,6]\n"


def test_joined_scripts_stay_separate_programs(tmp_path):
    """Two scripts each ending in a call without a semicolon: joined as they are, the second's
    parenthesis would call the first's result."""
    first, second = tmp_path / "first.js", tmp_path / "second.js"
    first.write_text("(() => console.log('first'))()\n")
    second.write_text("(() => console.log('second'))()\n")
    assert run(joined_script([first, second])) == "first\nsecond\n"


def test_a_script_that_cannot_be_read_names_its_file_and_line():
    with pytest.raises(ContentError) as raised:
        script("const ok = 1;\nconst broken = ;\n", "overrides/assets/broken.js")
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("overrides/assets/broken.js", 2)
    assert problem.message == "cannot minify this script: unexpected ; in expression"


def test_scripts_in_one_function_share_their_names_and_keep_them_from_the_page():
    """The components' scripts: the shared helpers, then the script that uses them by name."""
    helpers = '"use strict";\nconst twice = (value) => value * 2;\n'
    component = '"use strict";\nconsole.log(twice(21), typeof globalThis.twice);\n'
    served = scripts_in_one_function([(helpers, "shared.js"), (component, "component.js")])
    assert run(served) == "42 undefined\n"
    assert served.count('"use strict"') == 1


HOSTILE = {"cy": {"x": "</script><!--<script>alert(1)</script>&amp; \u2028\u2029 \\\" ' `${1}` {y}"}}


def test_data_is_json_that_no_text_can_leave():
    literal = data_literal(HOSTILE)
    assert json.loads(literal) == HOSTILE
    assert not any(char in literal for char in "<>&\u2028\u2029\n")
    assert "\\u003c/script\\u003e" in literal


def test_scripts_given_data_get_it_as_json_on_the_line_before_the_last():
    """The data written after minifying, as it is (the minifier would unquote keys and undo escapes),
    and given to the function as its parameter: the script reads the very strings."""
    component = '"use strict";\nconst texts = STRINGS;\nconsole.log(JSON.stringify(texts));\n'
    served = scripts_given_data([(component, "component.js")], "STRINGS", HOSTILE)
    code, literal, closing, end = served.rsplit("\n", 3)
    assert (code[-1], literal, closing, end) == ("(", data_literal(HOSTILE), ");", "")
    assert "STRINGS" not in code and "alert" not in code
    assert json.loads(run(served)) == HOSTILE


def test_a_syntax_error_in_one_of_the_scripts_names_its_own_file_and_line():
    with pytest.raises(ContentError) as raised:
        scripts_in_one_function([("const a = 1;\nconst b = 2;\n", "shared.js"), ("const ok = 1;\n\nconst broken = ;\n", "selfcheck.js")])
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("selfcheck.js", 3)
    assert problem.message == "cannot minify this script: unexpected ; in expression"


def test_a_stylesheet_is_minified():
    served = stylesheet("/* why */\n.gd-a {\n  color: #ff0000;\n  margin: 0px;\n}\n@media print { .gd-a { display: none; } }\n")
    assert served == ".gd-a{color:red;margin:0}@media print{.gd-a{display:none}}"
