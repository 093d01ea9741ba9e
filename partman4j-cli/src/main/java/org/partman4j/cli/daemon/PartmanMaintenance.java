package org.partman4j.cli.daemon;

import java.util.List;
import org.partman4j.MaintenanceResult;
import org.partman4j.Partman;
import org.partman4j.SetMaintenanceResult;

/** {@link DatabaseMaintenance} by the library's {@link Partman#runMaintenance()}. */
public final class PartmanMaintenance implements DatabaseMaintenance {

  private final Partman partman;

  public PartmanMaintenance(Partman partman, DatabaseConfig config) {
    this.partman = partman;
  }

  @Override
  public MaintenanceOutcome run(String parentTable) {
    MaintenanceResult r =
        parentTable == null ? partman.runMaintenance() : partman.runMaintenance(parentTable);
    List<SetOutcome> sets = r.sets().stream().map(PartmanMaintenance::outcome).toList();
    return new MaintenanceOutcome(status(r.status()), r.message(), sets, r.elapsed());
  }

  private static MaintenanceOutcome.Status status(MaintenanceResult.Status s) {
    return switch (s) {
      case COMPLETED -> MaintenanceOutcome.Status.COMPLETED;
      case ALREADY_RUNNING -> MaintenanceOutcome.Status.ALREADY_RUNNING;
      case REPLICA -> MaintenanceOutcome.Status.REPLICA;
    };
  }

  private static SetOutcome outcome(SetMaintenanceResult s) {
    return new SetOutcome(
        s.parentTable(),
        s.childrenCreated(),
        s.childrenDropped().size(),
        s.childrenDetached().size() + s.childrenMoved().size(),
        s.rowsMovedFromDefault(),
        s.error());
  }
}
