/**
 * @module nlp/lang/zh/traditional-to-simplified
 * Traditional → simplified Chinese for the most common characters of shop talk and everyday
 * chat (715 pairs, written for kefu). One character to one character, so folding keeps offsets.
 * Characters whose simplified form is ambiguous (著, 乾, 瞭…) are left out on purpose; words
 * whose conversion needs context (phrase-level conversions) are out of scope.
 */

/** Pairs "traditional simplified", space separated. */
const PAIRS =
  '個个 們们 這这 來来 對对 說说 時时 會会 為为 國国 學学 還还 沒没 樣样 麼么 過过 ' +
  '後后 發发 當当 經经 現现 問问 題题 點点 開开 關关 長长 東东 車车 門门 見见 買买 ' +
  '賣卖 貨货 價价 錢钱 單单 號号 訂订 運运 費费 郵邮 遞递 換换 帳账 賬账 戶户 碼码 ' +
  '聯联 絡络 電电 話话 機机 腦脑 務务 質质 壞坏 錯错 給给 讓让 幫帮 謝谢 請请 嗎吗 ' +
  '喚唤 歡欢 難难 誰谁 語语 讀读 寫写 認认 識识 記记 設设 計计 談谈 論论 議议 講讲 ' +
  '詢询 該该 調调 證证 試试 詳详 誤误 護护 讚赞 貴贵 預预 顏颜 頁页 項项 順顺 須须 ' +
  '領领 頭头 顯显 類类 願愿 風风 飛飞 飯饭 館馆 馬马 驗验 魚鱼 鳥鸟 黃黄 齊齐 龍龙 ' +
  '區区 醫医 華华 萬万 與与 專专 業业 叢丛 兩两 嚴严 喪丧 麗丽 舉举 義义 烏乌 樂乐 ' +
  '習习 書书 亂乱 爭争 於于 虧亏 雲云 亞亚 產产 親亲 億亿 僅仅 從从 倉仓 儀仪 眾众 ' +
  '優优 傳传 傷伤 倫伦 偉伟 側侧 備备 債债 傾倾 儲储 兒儿 黨党 蘭兰 興兴 冊册 軍军 ' +
  '農农 決决 況况 凍冻 淨净 涼凉 減减 幾几 鳳凤 憑凭 擊击 劃划 劉刘 則则 剛刚 創创 ' +
  '刪删 別别 劑剂 劇剧 勸劝 辦办 動动 勵励 勁劲 勞劳 勢势 勻匀 匯汇 協协 盧卢 衛卫 ' +
  '卻却 廠厂 廳厅 歷历 厲厉 壓压 厭厌 縣县 參参 雙双 變变 葉叶 嘆叹 嚇吓 啟启 員员 ' +
  '聽听 響响 啞哑 嘩哗 團团 園园 圍围 圖图 圓圆 聖圣 場场 塊块 堅坚 壇坛 墜坠 壩坝 ' +
  '墊垫 壺壶 處处 復复 夠够 夾夹 奪夺 奮奋 獎奖 婦妇 媽妈 嬰婴 孫孙 寶宝 實实 寧宁 ' +
  '審审 寵宠 宮宫 寬宽 賓宾 導导 壽寿 將将 爾尔 塵尘 嘗尝 層层 屆届 屬属 歲岁 島岛 ' +
  '嶺岭 崗岗 幣币 帥帅 師师 帶带 幹干 廣广 慶庆 庫库 應应 廢废 異异 棄弃 張张 彎弯 ' +
  '彈弹 強强 歸归 錄录 彙汇 徑径 徵征 憶忆 態态 懷怀 憂忧 悶闷 惡恶 惱恼 愛爱 懼惧 ' +
  '慣惯 懶懒 戰战 戲戏 撲扑 執执 擴扩 掃扫 揚扬 擾扰 搶抢 報报 擔担 擁拥 擇择 掛挂 ' +
  '擠挤 揮挥 損损 撿捡 據据 擺摆 攜携 搖摇 攝摄 敵敌 數数 斷断 無无 舊旧 曉晓 暫暂 ' +
  '曆历 條条 楊杨 極极 構构 槍枪 樓楼 標标 權权 橫横 檢检 櫃柜 歐欧 殺杀 殘残 氣气 ' +
  '漢汉 湯汤 溝沟 滅灭 滿满 濾滤 濟济 濃浓 濕湿 灣湾 測测 準准 漲涨 淺浅 潔洁 澤泽 ' +
  '災灾 煙烟 燒烧 熱热 燈灯 營营 爐炉 爺爷 牆墙 狀状 猶犹 獨独 獲获 環环 瑪玛 畫画 ' +
  '暢畅 療疗 瘋疯 癢痒 皺皱 盤盘 蓋盖 監监 盜盗 礦矿 確确 禮礼 禍祸 離离 種种 稱称 ' +
  '積积 穩稳 窮穷 竊窃 競竞 筆笔 節节 範范 築筑 簡简 籃篮 糧粮 緊紧 糾纠 紅红 約约 ' +
  '級级 紀纪 紙纸 納纳 純纯 線线 練练 組组 細细 織织 終终 結结 統统 絕绝 絲丝 綠绿 ' +
  '維维 綜综 網网 總总 緒绪 編编 緣缘 縮缩 績绩 繩绳 繼继 續续 罰罚 羅罗 聞闻 聲声 ' +
  '職职 肅肃 腸肠 膚肤 腳脚 臉脸 臟脏 臨临 艙舱 藝艺 藥药 蘋苹 蘇苏 蟲虫 蝦虾 補补 ' +
  '裝装 製制 複复 襪袜 覺觉 覽览 觀观 規规 視视 討讨 訓训 許许 訴诉 診诊 詞词 評评 ' +
  '詩诗 誠诚 誕诞 諸诸 課课 諾诺 謎谜 譯译 貝贝 負负 財财 貢贡 貧贫 購购 貼贴 貸贷 ' +
  '貿贸 資资 賺赚 賠赔 償偿 賞赏 賽赛 贈赠 贊赞 趕赶 躍跃 蹤踪 軟软 較较 載载 輕轻 ' +
  '輛辆 輸输 轉转 辭辞 邊边 達达 遷迁 邁迈 進进 遠远 違违 連连 遲迟 適适 選选 遺遗 ' +
  '鄉乡 醜丑 釋释 裡里 裏里 針针 釣钓 鈕钮 鈔钞 鈴铃 鉛铅 銀银 銅铜 銷销 鋪铺 鋼钢 ' +
  '鍋锅 鍵键 鎖锁 鏡镜 鐘钟 鐵铁 鑰钥 鑽钻 閃闪 閉闭 間间 閱阅 闆板 隊队 陽阳 陰阴 ' +
  '陣阵 階阶 際际 陸陆 隨随 險险 隱隐 雖虽 雞鸡 雜杂 霧雾 靈灵 靜静 韓韩 頂顶 頻频 ' +
  '顆颗 額额 顧顾 飄飘 飲饮 飽饱 餅饼 餘余 駕驾 騎骑 驚惊 體体 鬆松 鬥斗 鬧闹 鮮鲜 ' +
  '鴨鸭 鹽盐 麥麦 齒齿 龜龟 儘尽 盡尽 麵面 髮发 週周 噸吨 傘伞 衝冲 絨绒 褲裤 櫥橱 ' +
  '廁厕 臥卧 灑洒 錶表 鐲镯 鍊链 戀恋 蠟蜡 燭烛 繡绣 襯衬 紋纹 綿绵 潤润 膠胶 淚泪 ' +
  '臺台 檯台 颱台 訊讯 鈣钙 隻只 塗涂 囉啰 貓猫 豬猪 夢梦 夥伙 慮虑 憐怜 醬酱 饅馒 ' +
  '餃饺 餵喂 撥拨 撐撑 攤摊 擋挡 檔档 欄栏 殼壳 毀毁 滾滚 漸渐 潛潜 瀏浏 燦灿 爛烂 ' +
  '獻献 疊叠 睏困 礎础 簽签 籤签 妝妆 紮扎 紹绍 綁绑 緩缓 緻致 縫缝 繞绕 繪绘 纖纤 ' +
  '膩腻 膽胆 艷艳 藍蓝 虛虚 術术 誇夸 誌志 誘诱 諒谅 謊谎 謠谣 譜谱 譽誉 豐丰 販贩 ' +
  '貪贪 贏赢 跡迹 輔辅 輝辉 辯辩 邏逻 鉤钩 銳锐 錦锦 鎮镇 鏈链 閒闲 閣阁 闊阔 韻韵 ' +
  '頓顿 頸颈 顛颠 颳刮 飢饥 餓饿 驅驱 髒脏 鬱郁 鹹咸 齡龄 龐庞 註注 螢萤 遊游 攬揽 ' +
  '鬚须 褸褛 儅当 剎刹 蔥葱 薑姜 蘿萝 蔔卜 ' +
  // Variant forms that Taiwan and Hong Kong chat uses where the mainland writes one character.
  '妳你 祢你 裏里 ';

const MAP: ReadonlyMap<string, string> = new Map(PAIRS.trim().split(/\s+/).map((p) => [p.charAt(0), p.charAt(1)] as [string, string]));

/** The number of characters the map folds. */
export const TRADITIONAL_CHAR_COUNT = MAP.size;

/**
 * The simplified form of one traditional character, or the character itself.
 * @example toSimplifiedChar('訂') // '订'
 */
export function toSimplifiedChar(ch: string): string {
  return MAP.get(ch) ?? ch;
}
