package dev.hindsight.render;

import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteWriter;

import java.util.List;
import java.util.function.Function;

/**
 * One output file to make: its path and the work that writes it, returning the problems found.
 * Jobs are independent of each other, so they can run in any order and in parallel.
 *
 * @param outPath the site path written
 * @param work    writes the file and returns problems
 */
record PageJob(String outPath, Function<SiteWriter, List<Problem>> work) {
}
