/** The demo world's organisations (DESIGN §1): real coordinates of core shopping districts. */
export const demoPassword = 'flywheel-demo';

export const demoBrands = [
  { key: 'oppo', name: 'OPPO', nameEn: 'OPPO', email: 'brand@oppo.demo', category: 'smart devices' },
  { key: 'heilan', name: '海澜之家', nameEn: 'Heilan Home', email: 'brand@heilan.demo', category: 'menswear' },
  { key: 'qingyan', name: '青妍美妆', nameEn: 'Qingyan Cosmetics', email: 'brand@qingyan.demo', category: 'cosmetics' },
] as const;

export const demoRetailer = { key: 'jdhome', name: '京东之家', nameEn: 'JD Home', email: 'retailer@jdhome.demo' };

type Store = { key: string; name: string; nameEn: string; province: string; city: string; district: string; address: string; lat: number; lng: number; area: number; tier: number };

export const demoStores: Store[] = [
  { key: 'bj-sanlitun', name: '京东之家·北京三里屯店', nameEn: 'JD Home Beijing Sanlitun', province: '北京', city: '北京', district: '朝阳区', address: '三里屯路19号', lat: 39.9334, lng: 116.4551, area: 320, tier: 1 },
  { key: 'bj-xidan', name: '京东之家·北京西单店', nameEn: 'JD Home Beijing Xidan', province: '北京', city: '北京', district: '西城区', address: '西单北大街131号', lat: 39.911, lng: 116.3737, area: 280, tier: 1 },
  { key: 'bj-wangfujing', name: '京东之家·北京王府井店', nameEn: 'JD Home Beijing Wangfujing', province: '北京', city: '北京', district: '东城区', address: '王府井大街255号', lat: 39.915, lng: 116.411, area: 300, tier: 1 },
  { key: 'bj-zhongguancun', name: '京东之家·北京中关村店', nameEn: 'JD Home Beijing Zhongguancun', province: '北京', city: '北京', district: '海淀区', address: '中关村大街15号', lat: 39.9837, lng: 116.316, area: 260, tier: 1 },
  { key: 'bj-wangjing', name: '京东之家·北京望京店', nameEn: 'JD Home Beijing Wangjing', province: '北京', city: '北京', district: '朝阳区', address: '望京街9号', lat: 39.996, lng: 116.47, area: 240, tier: 1 },
  { key: 'gz-tianhe', name: '京东之家·广州天河路店', nameEn: 'JD Home Guangzhou Tianhe Road', province: '广东', city: '广州', district: '天河区', address: '天河路208号', lat: 23.133, lng: 113.327, area: 350, tier: 1 },
  { key: 'gz-beijinglu', name: '京东之家·广州北京路店', nameEn: 'JD Home Guangzhou Beijing Road', province: '广东', city: '广州', district: '越秀区', address: '北京路238号', lat: 23.125, lng: 113.269, area: 220, tier: 1 },
  { key: 'gz-zhujiang', name: '京东之家·广州珠江新城店', nameEn: 'JD Home Guangzhou Zhujiang New Town', province: '广东', city: '广州', district: '天河区', address: '珠江东路6号', lat: 23.119, lng: 113.323, area: 260, tier: 1 },
  { key: 'sz-huaqiangbei', name: '京东之家·深圳华强北店', nameEn: 'JD Home Shenzhen Huaqiangbei', province: '广东', city: '深圳', district: '福田区', address: '华强北路1002号', lat: 22.544, lng: 114.085, area: 300, tier: 1 },
  { key: 'sz-mixc', name: '京东之家·深圳万象城店', nameEn: 'JD Home Shenzhen MixC', province: '广东', city: '深圳', district: '罗湖区', address: '宝安南路1881号', lat: 22.541, lng: 114.11, area: 280, tier: 1 },
  { key: 'sz-coastal', name: '京东之家·深圳海岸城店', nameEn: 'JD Home Shenzhen Coastal City', province: '广东', city: '深圳', district: '南山区', address: '文心五路33号', lat: 22.517, lng: 113.936, area: 260, tier: 1 },
  { key: 'xa-zhonglou', name: '京东之家·西安钟楼店', nameEn: "JD Home Xi'an Bell Tower", province: '陕西', city: '西安', district: '碑林区', address: '东大街1号', lat: 34.26, lng: 108.947, area: 240, tier: 2 },
  { key: 'xa-xiaozhai', name: '京东之家·西安小寨店', nameEn: "JD Home Xi'an Xiaozhai", province: '陕西', city: '西安', district: '雁塔区', address: '长安中路123号', lat: 34.224, lng: 108.945, area: 260, tier: 2 },
  { key: 'tj-binjiang', name: '京东之家·天津滨江道店', nameEn: 'JD Home Tianjin Binjiang Road', province: '天津', city: '天津', district: '和平区', address: '滨江道208号', lat: 39.121, lng: 117.2, area: 250, tier: 2 },
  { key: 'tj-joycity', name: '京东之家·天津大悦城店', nameEn: 'JD Home Tianjin Joy City', province: '天津', city: '天津', district: '南开区', address: '南门外大街2号', lat: 39.155, lng: 117.172, area: 230, tier: 2 },
  { key: 'sjz-beiguo', name: '京东之家·石家庄北国商城店', nameEn: 'JD Home Shijiazhuang Beiguo', province: '河北', city: '石家庄', district: '长安区', address: '中山东路188号', lat: 38.044, lng: 114.522, area: 220, tier: 3 },
  { key: 'sjz-wanda', name: '京东之家·石家庄万达店', nameEn: 'JD Home Shijiazhuang Wanda', province: '河北', city: '石家庄', district: '裕华区', address: '槐安东路136号', lat: 38.019, lng: 114.524, area: 200, tier: 3 },
  { key: 'hz-hubin', name: '京东之家·杭州湖滨店', nameEn: 'JD Home Hangzhou Hubin', province: '浙江', city: '杭州', district: '上城区', address: '湖滨路28号', lat: 30.256, lng: 120.165, area: 300, tier: 2 },
  { key: 'hz-wulin', name: '京东之家·杭州武林店', nameEn: 'JD Home Hangzhou Wulin', province: '浙江', city: '杭州', district: '拱墅区', address: '延安路530号', lat: 30.272, lng: 120.164, area: 280, tier: 2 },
  { key: 'hz-binjiang', name: '京东之家·杭州滨江店', nameEn: 'JD Home Hangzhou Binjiang', province: '浙江', city: '杭州', district: '滨江区', address: '江南大道228号', lat: 30.208, lng: 120.211, area: 240, tier: 2 },
];

export const demoCreators = [
  { key: 'xiaomei', name: '小美爱分享', nameEn: 'Xiaomei Shares', followers: 3_200_000, niche: 'beauty' },
  { key: 'techlao', name: '科技老张', nameEn: 'Tech Lao Zhang', followers: 5_800_000, niche: 'digital' },
  { key: 'dapeng', name: '大鹏穿搭', nameEn: 'Dapeng Style', followers: 1_450_000, niche: 'fashion' },
] as const;

export const demoProviders = [
  { key: 'strategic', name: '星河数字(战略核心服务商)', nameEn: 'Xinghe Digital', type: 'strategic_core' },
  { key: 'base', name: '临沂直播基地', nameEn: 'Linyi Live Base', type: 'core_base' },
  { key: 'local', name: '杭州本地优选', nameEn: 'Hangzhou Local Select', type: 'quality_local' },
  { key: 'brandsvc', name: '品牌增长工场', nameEn: 'Brand Growth Works', type: 'quality_brand' },
  { key: 'leader', name: '好物招商团', nameEn: 'Good Picks Recruiting', type: 'team_leader' },
] as const;
