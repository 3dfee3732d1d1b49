package dev.mcpver.registry;

import dev.mcpver.lifecycle.GateResult;
import dev.mcpver.lifecycle.Stage;
import java.util.List;

/**
 * What a gate judges.
 *
 * @param server the version's server
 * @param version the candidate, with its surface
 * @param target the stage it is to enter
 * @param siblings every version of the server (without surfaces), the candidate included
 * @param attestations the candidate's attestations, oldest first
 * @param earlier results of the gates that ran before this one (compliance rules read them as {@code report})
 */
public record GateContext(
        Server server,
        ServerVersion version,
        Stage target,
        List<ServerVersion> siblings,
        List<Attestation> attestations,
        List<GateResult> earlier) {
    public GateContext {
        siblings = List.copyOf(siblings);
        attestations = List.copyOf(attestations);
        earlier = List.copyOf(earlier);
    }

    GateContext after(GateResult result) {
        List<GateResult> more = new java.util.ArrayList<>(earlier);
        more.add(result);
        return new GateContext(server, version, target, siblings, attestations, more);
    }
}
