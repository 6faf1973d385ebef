package org.enrollment.core.season;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The districts a registry knows. {@link #beijing()} gives Beijing's sixteen; a host may supply another.
 */
public final class DistrictCatalog {

    private static final DistrictCatalog BEIJING = new DistrictCatalog(List.of(
            new District("110101", "东城区"), new District("110102", "西城区"),
            new District("110105", "朝阳区"), new District("110106", "丰台区"),
            new District("110107", "石景山区"), new District("110108", "海淀区"),
            new District("110109", "门头沟区"), new District("110111", "房山区"),
            new District("110112", "通州区"), new District("110113", "顺义区"),
            new District("110114", "昌平区"), new District("110115", "大兴区"),
            new District("110116", "怀柔区"), new District("110117", "平谷区"),
            new District("110118", "密云区"), new District("110119", "延庆区")));

    private final Map<String, District> byCode = new LinkedHashMap<>();

    /**
     * A catalog of the given districts.
     *
     * @throws IllegalArgumentException when a code appears twice or the list is empty
     */
    public DistrictCatalog(Collection<District> districts) {
        for (District d : districts) {
            if (byCode.putIfAbsent(d.code(), d) != null) {
                throw new IllegalArgumentException("District code " + d.code() + " appears twice in the catalog.");
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalArgumentException("A district catalog needs at least one district.");
        }
    }

    /** Beijing's sixteen districts (东城 西城 朝阳 丰台 石景山 海淀 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆). */
    public static DistrictCatalog beijing() {
        return BEIJING;
    }

    /** The district with this code, if the catalog has it. */
    public Optional<District> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Whether the catalog has a district with this code. */
    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** All districts, in catalog order. */
    public List<District> all() {
        return List.copyOf(byCode.values());
    }
}
