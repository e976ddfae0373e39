package org.finetunelab.cli;

import org.finetunelab.experiments.OverfittingStudy;

import java.util.List;
import java.util.stream.Collectors;

/** Training-set sizes on the command line: whole numbers or {@code all}, e.g. {@code --sizes 16,64,all}. */
final class SizeList {
    private SizeList() {
    }

    static List<Integer> parse(List<String> items, String option) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(option + ": give at least one size, e.g. 16,64,all");
        }
        return items.stream().map(String::strip).map(s -> {
            if (s.equalsIgnoreCase("all")) {
                return OverfittingStudy.ALL;
            }
            try {
                return OptionCheck.atLeast(Integer.parseInt(s), 1, option);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + s + "' is not a size; write whole numbers or 'all', e.g. 16,64,all");
            }
        }).toList();
    }

    static String text(List<Integer> sizes) {
        return sizes.stream().map(n -> n == OverfittingStudy.ALL ? "all" : n.toString()).collect(Collectors.joining(", "));
    }
}
