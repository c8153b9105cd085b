/**
 * Centroids of the districts of the cities Flywheel's stores serve: a delivery address given
 * only as province/city/district is routed from its district's centre. Coordinates are the
 * district government seats (WGS-84), close enough for a 5 km delivery radius; an address
 * with its own coordinates does not use them.
 */
const table: Record<string, { province: string; districts: Record<string, [number, number]> }> = {
  北京: {
    province: '北京',
    districts: {
      东城区: [39.9288, 116.416],
      西城区: [39.9123, 116.366],
      朝阳区: [39.9215, 116.4435],
      海淀区: [39.959, 116.2981],
      丰台区: [39.8585, 116.287],
      石景山区: [39.9056, 116.2229],
      门头沟区: [39.9404, 116.102],
      房山区: [39.7489, 116.1432],
      通州区: [39.9095, 116.6563],
      顺义区: [40.13, 116.6545],
      昌平区: [40.2206, 116.2312],
      大兴区: [39.7269, 116.3414],
      怀柔区: [40.3162, 116.6319],
      平谷区: [40.1406, 117.1213],
      密云区: [40.3762, 116.8432],
      延庆区: [40.4566, 115.9749],
    },
  },
  天津: {
    province: '天津',
    districts: {
      和平区: [39.1172, 117.215],
      河东区: [39.1283, 117.2517],
      河西区: [39.1096, 117.2233],
      南开区: [39.1382, 117.1504],
      河北区: [39.1479, 117.1967],
      红桥区: [39.1672, 117.1513],
      东丽区: [39.0865, 117.3137],
      西青区: [39.1413, 117.0088],
      津南区: [38.9375, 117.3571],
      北辰区: [39.2248, 117.1351],
      滨海新区: [39.0032, 117.7104],
      武清区: [39.3843, 117.0443],
    },
  },
  石家庄: {
    province: '河北',
    districts: {
      长安区: [38.0367, 114.5394],
      桥西区: [38.0042, 114.462],
      新华区: [38.051, 114.463],
      裕华区: [38.0064, 114.5313],
      井陉矿区: [38.0653, 114.0625],
      藁城区: [38.0217, 114.8471],
      鹿泉区: [38.0859, 114.3133],
      栾城区: [37.9003, 114.6484],
    },
  },
  广州: {
    province: '广东',
    districts: {
      越秀区: [23.129, 113.2668],
      荔湾区: [23.1259, 113.2442],
      海珠区: [23.0838, 113.3172],
      天河区: [23.1244, 113.3612],
      白云区: [23.1575, 113.2731],
      黄埔区: [23.1815, 113.4806],
      番禺区: [22.9377, 113.3842],
      花都区: [23.4036, 113.2202],
      南沙区: [22.8016, 113.525],
      从化区: [23.5486, 113.5865],
      增城区: [23.261, 113.8108],
    },
  },
  深圳: {
    province: '广东',
    districts: {
      福田区: [22.541, 114.055],
      罗湖区: [22.5483, 114.1315],
      南山区: [22.5333, 113.9304],
      宝安区: [22.555, 113.883],
      龙岗区: [22.7204, 114.2478],
      盐田区: [22.5574, 114.2361],
      龙华区: [22.6564, 114.0446],
      坪山区: [22.6907, 114.3463],
      光明区: [22.7489, 113.936],
    },
  },
  西安: {
    province: '陕西',
    districts: {
      新城区: [34.2664, 108.9605],
      碑林区: [34.2563, 108.9342],
      莲湖区: [34.265, 108.944],
      雁塔区: [34.2227, 108.9484],
      未央区: [34.293, 108.9468],
      灞桥区: [34.2733, 109.0645],
      长安区: [34.1588, 108.9071],
      临潼区: [34.3672, 109.214],
      阎良区: [34.6624, 109.2262],
      高陵区: [34.5347, 109.0882],
      鄠邑区: [34.1085, 108.6049],
    },
  },
  杭州: {
    province: '浙江',
    districts: {
      上城区: [30.2426, 120.1692],
      拱墅区: [30.3196, 120.142],
      西湖区: [30.2596, 120.13],
      滨江区: [30.2083, 120.2117],
      萧山区: [30.183, 120.2647],
      余杭区: [30.4193, 120.3018],
      临平区: [30.421, 120.299],
      钱塘区: [30.3225, 120.4934],
      富阳区: [30.049, 119.9603],
      临安区: [30.2338, 119.7248],
    },
  },
};

/** The centre of a district, or null when the table does not have it. */
export function districtCentroid(
  province: string,
  city: string,
  district: string,
): { lat: number; lng: number } | null {
  const c = table[city];
  if (!c || c.province !== province) return null;
  const at = c.districts[district];
  return at ? { lat: at[0], lng: at[1] } : null;
}

/** Every district the table knows, for the storefront's address picker. */
export function knownDistricts(): Array<{ province: string; city: string; district: string }> {
  return Object.entries(table).flatMap(([city, c]) =>
    Object.keys(c.districts).map((district) => ({ province: c.province, city, district })),
  );
}
