package org.consulardesk.registry.model;

import java.util.List;

/**
 * What an intake file would import: the valid registrations with their row numbers, and the report
 * of errors (any error means nothing is imported) and possible duplicates.
 */
public record IntakeAnalysis(String fileName, int rowsRead, List<Candidate> candidates, List<IntakeIssue> issues) {
    public IntakeAnalysis {
        candidates = List.copyOf(candidates);
        issues = List.copyOf(issues);
    }

    public record Candidate(int row, Registration registration) {
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> !i.duplicate());
    }

    public List<IntakeIssue> errors() {
        return issues.stream().filter(i -> !i.duplicate()).toList();
    }

    public List<IntakeIssue> duplicates() {
        return issues.stream().filter(IntakeIssue::duplicate).toList();
    }

    /** Rows flagged as possible duplicates. */
    public List<Integer> duplicateRows() {
        return duplicates().stream().map(IntakeIssue::row).distinct().sorted().toList();
    }
}
