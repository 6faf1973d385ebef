package org.enrollment.examples.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.enrollment.core.child.ResidentId;

/**
 * The children of a season (适龄儿童), with their resident IDs, names and households: first the online children
 * (one in a hundred too young), then each boarding school's applicants, then each co-build unit's list, the
 * first three within the quota and the others over it.
 */
final class Population {

    private static final String[] PROVINCES = {"130000", "410000", "370000", "340000", "230000", "420000", "510000",
        "140000", "220000", "210000", "150000", "430000", "360000", "320000", "120000"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"子涵", "欣怡", "梓轩", "浩宇", "一诺", "雨桐", "明", "博文", "佳琪", "思远",
        "天佑", "若曦", "晨阳", "悦", "嘉怡", "宇航", "诗涵", "俊杰", "可馨", "睿"};

    private final CityPlan city;
    private final List<Child> children = new ArrayList<>();
    /** Each co-build unit's list, in agreement order. */
    private final List<List<Child>> unitLists = new ArrayList<>();
    private final Map<String, Integer> sequences = new HashMap<>();

    /** The children of {@code city}'s season, drawn from {@code people}. */
    Population(CityPlan city, SplittableRandom people) {
        this.city = city;
        for (int i = 0; i < city.onlineChildren; i++) {
            children.add(newChild(people, city.chooseDistrict(people), Child.Way.ONLINE, people.nextDouble() < 0.01));
        }
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < city.boardingApplicants; i++) {
                children.add(newChild(people, city.chooseDistrict(people), Child.Way.BOARDING, false));
            }
        }
        for (int u = 0; u < city.agreements.size(); u++) {
            int listed = u < 3 ? city.coBuildQuota : city.coBuildQuota + city.coBuildQuota / 2 + 1;
            List<Child> list = new ArrayList<>();
            for (int i = 0; i < listed; i++) {
                Child c = newChild(people, city.districtOf(city.agreementSchool[u]), Child.Way.CO_BUILD, false);
                list.add(c);
                children.add(c);
            }
            unitLists.add(list);
        }
    }

    /** How many children there are. */
    int size() {
        return children.size();
    }

    /** The {@code i}th child. */
    Child get(int i) {
        return children.get(i);
    }

    /** The boarding school (0 or 1) the {@code i}th child applies to, if a boarding applicant. */
    int boardingSchoolOf(int i) {
        return i < city.onlineChildren + city.boardingApplicants ? 0 : 1;
    }

    /** The list of co-build unit {@code u}, in the unit's order. */
    List<Child> unitList(int u) {
        return unitLists.get(u);
    }

    private Child newChild(SplittableRandom r, int home, Child.Way way, boolean tooYoung) {
        boolean beijing = r.nextDouble() < 0.7;
        String districtCode = city.districts.get(home).code();
        String province = PROVINCES[r.nextInt(PROVINCES.length)];
        String household = beijing ? districtCode : "NB:" + province;
        String area = beijing ? districtCode : province.substring(0, 2) + "0" + (1 + r.nextInt(9)) + "0" + (1 + r.nextInt(5));
        LocalDate born = tooYoung ? LocalDate.of(2008, 9, 1).plusDays(r.nextInt(122))
                : LocalDate.of(2007, 9, 1).plusDays(r.nextInt(366));
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        return new Child(composeId(area, born, r.nextBoolean()), name, household, home, beijing, way, tooYoung);
    }

    /** A resident ID not given before: the sequence counts up per area and birth date. */
    private String composeId(String area, LocalDate born, boolean male) {
        LocalDate day = born;
        while (true) {
            int k = sequences.merge(area + day, 1, Integer::sum) - 1;
            if (k < 500) {
                return ResidentId.compose(area, day, 2 * k + (male ? 1 : 0)).value();
            }
            day = day.plusDays(1);
        }
    }
}
