package org.partman4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.CreateParentResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.cli.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code partman create-parent}: pg_partman's {@code create_parent}, its arguments as long options
 * of the same names.
 */
@Command(
    name = "create-parent",
    sortOptions = false,
    description = {
      "Registers a partitioned table as a partition set and creates its first children, its"
          + " default partition and its template table, as pg_partman's create_parent does.",
      "Rerunning it with the same definition resumes a run that stopped part-way."
    })
final class CreateParentCommand extends ConnectedCommand {

  @Option(
      names = "--parent",
      required = true,
      paramLabel = "SCHEMA.TABLE",
      order = 1,
      description = "The partitioned table, schema-qualified, as the catalog spells it.")
  String parent;

  @Option(
      names = "--control",
      required = true,
      paramLabel = "COLUMN",
      order = 2,
      description = "The partition key column.")
  String control;

  @Option(
      names = "--interval",
      required = true,
      paramLabel = "INTERVAL",
      order = 3,
      description =
          "Each child's span: an interval for time ('1 day', '1 month', '15 minutes') or a whole"
              + " number for ids ('100000').")
  String interval;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      order = 4,
      completionCandidates = Types.class,
      description = "range (default) or list (id sets with interval 1).")
  String type;

  @Option(
      names = "--epoch",
      paramLabel = "EPOCH",
      order = 5,
      completionCandidates = Epochs.class,
      description =
          "For an integer column holding time: none (default), seconds, milliseconds,"
              + " microseconds or nanoseconds.")
  String epoch;

  @Option(
      names = "--premake",
      paramLabel = "N",
      order = 6,
      description = "Children kept ahead of the current one (default 4).")
  Integer premake;

  @Option(
      names = "--start-partition",
      paramLabel = "VALUE",
      order = 7,
      description =
          "The first child's start: a timestamp for time sets, a number for id sets (default:"
              + " premake intervals back).")
  String startPartition;

  @Option(names = "--no-default-table", order = 8, description = "Make no default partition.")
  boolean noDefaultTable;

  @Option(
      names = "--automatic-maintenance",
      paramLabel = "on|off",
      order = 9,
      completionCandidates = OnOff.class,
      description = "Whether run-maintenance without --parent includes this set (default on).")
  String automaticMaintenance;

  @Option(
      names = "--constraint-cols",
      paramLabel = "COLUMN",
      split = ",",
      order = 10,
      description = "Columns given min/max constraints on old children; comma-separated.")
  List<String> constraintCols;

  @Option(
      names = "--template-table",
      paramLabel = "SCHEMA.TABLE",
      order = 11,
      description =
          "An existing template table, or 'false' for none (default: one is created in the"
              + " partman schema).")
  String templateTable;

  @Option(
      names = "--no-jobmon",
      order = 12,
      description = "Store jobmon = false (partman4j never uses pg_jobmon; kept for pg_partman).")
  boolean noJobmon;

  @Option(
      names = "--date-trunc-interval",
      paramLabel = "UNIT",
      order = 13,
      description =
          "The date_trunc unit the first child starts on (week, month, quarter, …) instead of the"
              + " one the interval implies.")
  String dateTruncInterval;

  @Option(
      names = "--no-control-not-null",
      order = 14,
      description = "Allow a control column without NOT NULL.")
  boolean noControlNotNull;

  @Option(
      names = "--time-encoder",
      paramLabel = "FUNCTION",
      order = 15,
      description = "schema.function turning a timestamptz into the text/uuid control value.")
  String timeEncoder;

  @Option(
      names = "--time-decoder",
      paramLabel = "FUNCTION",
      order = 16,
      description = "schema.function turning a text/uuid control value into a timestamptz.")
  String timeDecoder;

  @Option(
      names = "--offset-id",
      paramLabel = "N",
      order = 17,
      description = "Shifts an id set's grid: 5 gives children starting 5, 15, 25 … (default 0).")
  Long offsetId;

  @Option(
      names = "--partition-timezone",
      paramLabel = "ZONE",
      order = 18,
      description =
          "A PostgreSQL zone name this set's boundaries and names are computed in (default: the"
              + " session's zone).")
  String partitionTimezone;

  @Option(
      names = "--child-table-prefix",
      paramLabel = "TEXT",
      order = 19,
      description = "The text between the parent's name and a child's suffix (default _p).")
  String childTablePrefix;

  @Option(
      names = "--inherit-privileges",
      order = 20,
      description = "Give each new child the parent's grants and owner.")
  boolean inheritPrivileges;

  @Option(
      names = "--dry-run",
      order = 21,
      description = "Print the SQL that would run, in order, and change nothing.")
  boolean dryRun;

  /** The definition these options describe; unset options keep pg_partman's defaults. */
  PartitionSetDefinition definition() {
    PartitionSetDefinition d = PartitionSetDefinition.of(parent, control, interval);
    if (type != null) {
      d = d.type(type);
    }
    if (epoch != null) {
      d = d.epoch(epoch);
    }
    if (premake != null) {
      d = d.premake(premake);
    }
    if (startPartition != null) {
      d = d.startPartition(startPartition);
    }
    if (noDefaultTable) {
      d = d.defaultTable(false);
    }
    if (automaticMaintenance != null) {
      d = d.automaticMaintenance(automaticMaintenance);
    }
    if (constraintCols != null) {
      d = d.constraintCols(constraintCols);
    }
    if (templateTable != null) {
      d = d.templateTable(templateTable);
    }
    if (noJobmon) {
      d = d.jobmon(false);
    }
    if (dateTruncInterval != null) {
      d = d.dateTruncInterval(dateTruncInterval);
    }
    if (noControlNotNull) {
      d = d.controlNotNull(false);
    }
    if (timeEncoder != null || timeDecoder != null) {
      d = d.timeEncoding(timeEncoder, timeDecoder);
    }
    if (offsetId != null) {
      d = d.offsetId(offsetId);
    }
    if (partitionTimezone != null) {
      d = d.timeZone(partitionTimezone);
    }
    if (childTablePrefix != null) {
      d = d.childTablePrefix(childTablePrefix);
    }
    if (inheritPrivileges) {
      d = d.inheritPrivileges(true);
    }
    return d;
  }

  @Override
  ExitCode run() {
    PartitionSetDefinition definition = definition();
    if (dryRun) {
      printDryRun("create-parent", parent, partman().createParentDryRun(definition));
    } else {
      printResult(partman().createParent(definition));
    }
    return ExitCode.OK;
  }

  private void printResult(CreateParentResult r) {
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("resumed", r.resumed());
      doc.put("created", r.created());
      doc.put("already_there", r.alreadyThere());
      doc.put("default_partition", r.defaultPartition());
      doc.put("template_table", r.templateTable());
      printJson(doc);
      return;
    }
    TextTable children = new TextTable("child", "status");
    r.created().forEach(c -> children.row(c, "created"));
    r.alreadyThere().forEach(c -> children.row(c, "already there"));
    if (r.defaultPartition() != null) {
      children.row(r.defaultPartition(), "created (default)");
    }
    List<String> facts = new ArrayList<>();
    facts.add(children(r.created().size()) + " created");
    if (!r.alreadyThere().isEmpty()) {
      facts.add(r.alreadyThere().size() + " already there");
    }
    if (r.templateTable() != null) {
      facts.add("template table " + r.templateTable());
    }
    print(
        (r.resumed() ? "Resumed partition set " : "Created partition set ")
            + r.parentTable()
            + ": "
            + String.join(", ", facts)
            + ".\n"
            + (children.isEmpty() ? "" : "\n" + children.render()));
  }

  static final class Types extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Types() {
      super(List.of("range", "list"));
    }
  }

  static final class Epochs extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Epochs() {
      super(List.of("none", "seconds", "milliseconds", "microseconds", "nanoseconds"));
    }
  }

  static final class OnOff extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    OnOff() {
      super(List.of("on", "off"));
    }
  }
}
