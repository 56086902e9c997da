#!/usr/bin/env node
/**
 * npm run bench:import — importing national procedure lists, on this machine.
 *
 * Writes a 20,000-row national list in the portal's layout (merged title row, header `Mã số, Tên, Cơ quan ban hành,
 * Cơ quan thực hiện, Lĩnh vực`, shared strings, seeded so that every run writes the same file), then for SQLite and
 * PostgreSQL (skipped with a line when unreachable): in a fresh database, in a child process running Strapi in
 * production mode, imports the two shared fixtures and that list one after the other through the plugin's service,
 * as the admin page and the CLI do. For each file it times the file's reader alone (the anchor: what a preview
 * costs without the database), the preview, the apply of every row as drafts (to its commit), the entry events
 * that Strapi's Document Service runs after the commit, and a re-import (preview and apply of the same file, which
 * must find every row unchanged); a worker thread samples the RSS every 50 ms. Prints the numbers and the verdict
 * of each target of docs/PERFORMANCE.md; asserts nothing.
 * BENCH_ROWS (20000); BENCH_DATABASES (sqlite,postgres); BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres,
 * or DATABASE_URL when it is a PostgreSQL one); BENCH_SETTLE_S (300): events still running this long after the
 * commit stop that database's run; BENCH_KEEP_DB=1 keeps the databases.
 */
const fs = require('fs');
const path = require('path');
const { Worker } = require('worker_threads');
const ExcelJS = require('exceljs');
const { freshEnvironment, loadStrapi, root, runChild, seeded, unreachable } = require('./common');

const ROWS = Number(process.env.BENCH_ROWS || 20000);
const PG_URL =
  process.env.BENCH_PG_URL ||
  (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL || '')
    ? process.env.DATABASE_URL
    : 'postgres://postgres@127.0.0.1:5432/postgres');
const DATABASES = (process.env.BENCH_DATABASES || 'sqlite,postgres').split(',');
const FIXTURES = path.join(root, 'tests', 'fixtures', 'national-portal');
const GENERATED = path.join(root, '.tmp', 'bench', `danh-sach-tthc-${ROWS}.xlsx`);
const FILES = [
  path.join(FIXTURES, 'danh-sach-tthc-bo-tu-phap.xlsx'),
  path.join(FIXTURES, 'danh-sach-tthc-bo-xay-dung.xlsx'),
  GENERATED,
];
const CHOICES = { fields: [], levels: [], agency: '', codes: [], publish: false, modes: {} };
const SAMPLE_MS = 50;
const QUIET_MS = 1000;
const SETTLE_LIMIT_MS = Number(process.env.BENCH_SETTLE_S || 300) * 1000;

/** Fields of a province's catalogue after the 2025 reorganisation: [field, department, ministry]. */
const FIELDS = [
  ['Đất đai', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Môi trường', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Tài nguyên nước', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Trồng trọt', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Chăn nuôi', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Thú y', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Thủy sản', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Lâm nghiệp', 'Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
  ['Hoạt động xây dựng', 'Sở Xây dựng', 'Bộ Xây dựng'],
  ['Nhà ở và công sở', 'Sở Xây dựng', 'Bộ Xây dựng'],
  ['Kinh doanh bất động sản', 'Sở Xây dựng', 'Bộ Xây dựng'],
  ['Đường bộ', 'Sở Xây dựng', 'Bộ Xây dựng'],
  ['Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo', 'Bộ Giáo dục và Đào tạo'],
  ['Giáo dục nghề nghiệp', 'Sở Giáo dục và Đào tạo', 'Bộ Giáo dục và Đào tạo'],
  ['Khám bệnh, chữa bệnh', 'Sở Y tế', 'Bộ Y tế'],
  ['Dược phẩm', 'Sở Y tế', 'Bộ Y tế'],
  ['An toàn thực phẩm và Dinh dưỡng', 'Sở Y tế', 'Bộ Y tế'],
  ['Bảo trợ xã hội', 'Sở Y tế', 'Bộ Y tế'],
  ['Di sản văn hóa', 'Sở Văn hóa, Thể thao và Du lịch', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ['Thể dục thể thao', 'Sở Văn hóa, Thể thao và Du lịch', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ['Du lịch', 'Sở Văn hóa, Thể thao và Du lịch', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ['Thành lập và hoạt động doanh nghiệp', 'Sở Tài chính', 'Bộ Tài chính'],
  ['Đầu tư tại Việt Nam', 'Sở Tài chính', 'Bộ Tài chính'],
  ['Hộ tịch', 'Sở Tư pháp', 'Bộ Tư pháp'],
  ['Chứng thực', 'Sở Tư pháp', 'Bộ Tư pháp'],
  ['Việc làm', 'Sở Nội vụ', 'Bộ Nội vụ'],
  ['Người có công', 'Sở Nội vụ', 'Bộ Nội vụ'],
  ['Thi đua – Khen thưởng', 'Sở Nội vụ', 'Bộ Nội vụ'],
  ['Lưu thông hàng hóa trong nước', 'Sở Công Thương', 'Bộ Công Thương'],
  ['Điện', 'Sở Công Thương', 'Bộ Công Thương'],
  ['Bưu chính', 'Sở Khoa học và Công nghệ', 'Bộ Khoa học và Công nghệ'],
];
const ACTIONS = [
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Gia hạn',
  'Điều chỉnh',
  'Thu hồi',
  'Đăng ký',
  'Thẩm định',
  'Phê duyệt',
  'Công nhận',
  'Xác nhận',
  'Thông báo thay đổi nội dung',
];
const OBJECTS = [
  'giấy phép hoạt động',
  'giấy chứng nhận đủ điều kiện kinh doanh',
  'chứng chỉ hành nghề',
  'giấy xác nhận đăng ký',
  'hồ sơ đề nghị hỗ trợ',
  'phương án',
  'báo cáo đánh giá',
  'danh sách',
];
const CASES = [
  '',
  '',
  '',
  ' trong trường hợp bị mất, hư hỏng',
  ' do thay đổi tên, địa chỉ trụ sở',
  ' cho tổ chức',
  ' cho cá nhân',
  ' đối với doanh nghiệp có vốn đầu tư nước ngoài',
  ' thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp tỉnh',
];
const TITLE = [
  ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n', { bold: true, size: 13 }],
  ['Độc lập – Tự do – Hạnh phúc\n', { italic: true, size: 12 }],
  ['------------------------------\n\n', { size: 12 }],
  ['DANH SÁCH THỦ TỤC HÀNH CHÍNH\n\n\n', { bold: true, size: 14 }],
];

/** A national list of `rows` procedures, written as the portal writes it (sheet before shared strings). */
async function writeList(file, rows) {
  const { random, pick } = seeded(20261207);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Sheet1', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [15, 45, 35, 35, 32].map((width) => ({ width }));
  sheet.mergeCells('A1:E1');
  const title = sheet.addRow([
    {
      richText: TITLE.map(([text, font]) => ({ text, font: { name: 'Times New Roman', ...font } })),
    },
  ]);
  title.height = 120;
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.commit();
  const header = sheet.addRow(['Mã số', 'Tên', 'Cơ quan ban hành', 'Cơ quan thực hiện', 'Lĩnh vực']);
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  header.commit();
  for (let i = 0; i < rows; i += 1) {
    const [field, department, ministry] = pick(FIELDS);
    let name = `${pick(ACTIONS)} ${pick(OBJECTS)} lĩnh vực ${field.toLowerCase()}${pick(CASES)}`;
    // Names as the portal has them: some with trailing spaces or a line break, a few over a thousand characters.
    const shape = random();
    if (shape < 0.05) name += ' ';
    else if (shape < 0.08) name = name.replace(' lĩnh vực ', '\nlĩnh vực ');
    else if (shape < 0.081)
      name += `, gồm các trường hợp: ${Array.from({ length: 12 }, () => pick(OBJECTS) + pick(CASES)).join('; ')}`;
    const level = random();
    const agency =
      level < 0.6
        ? department
        : level < 0.85
          ? 'Ủy ban nhân dân cấp xã'
          : level < 0.95
            ? `${department}\nỦy ban nhân dân cấp xã`
            : `Ủy ban nhân dân cấp tỉnh\n${department}`;
    // Codes 7.000001 up: no fixture uses the 7. series.
    sheet.addRow([`7.${String(i + 1).padStart(6, '0')}`, name, ministry, agency, field]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

const seconds = (ms) => (ms === null ? null : Math.round(ms / 100) / 10);
const mb = (bytes) => Math.round(bytes / 1048576);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A worker thread that samples the RSS every 50 ms and keeps the largest since the last reset, and a watchdog: both
 * go on while the main thread is busy in synchronous work or in a chain of microtasks that starves its timers (the
 * after-commit events on SQLite are such a chain). When an armed deadline passes, the watchdog records the failure in
 * the results file and kills the process: what the events would do next is not measurable anyway.
 */
function monitor(resultsFile) {
  const shared = new Int32Array(new SharedArrayBuffer(8)); // [peak MB, deadline ms since `origin`, 0 = none]
  const origin = Date.now();
  const worker = new Worker(
    `const fs = require('fs');
    const { workerData: { shared, ms, origin, resultsFile } } = require('worker_threads');
    setInterval(() => {
      const mb = Math.round(process.memoryUsage.rss() / 1048576);
      if (mb > Atomics.load(shared, 0)) Atomics.store(shared, 0, mb);
      const deadline = Atomics.load(shared, 1);
      if (deadline === 0 || Date.now() - origin < deadline) return;
      const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      results.files[results.files.length - 1].rss.events = Atomics.load(shared, 0);
      results.error = results.watchdog;
      fs.writeFileSync(resultsFile, JSON.stringify(results));
      process.kill(process.pid, 'SIGKILL');
    }, ms);`,
    { eval: true, workerData: { shared, ms: SAMPLE_MS, origin, resultsFile } }
  );
  const now = () => mb(process.memoryUsage.rss());
  return {
    reset: () => Atomics.store(shared, 0, now()),
    peak: () => Math.max(Atomics.load(shared, 0), now()),
    arm: (ms) => Atomics.store(shared, 1, Date.now() - origin + ms),
    disarm: () => Atomics.store(shared, 1, 0),
    stop: () => worker.terminate(),
  };
}

/**
 * When the database last started or finished a query, and when a transaction last committed (with the peak RSS up
 * to then; the sampler starts again from there). Strapi's Document Service emits an entry event per write once the
 * apply's transaction commits, and each loads its entry with every relation: that work runs after the commit, and
 * is measured from the commit until the database has been quiet for QUIET_MS.
 */
function databaseActivity(knex, rss) {
  const activity = { last: performance.now(), commit: null };
  const touch = () => (activity.last = performance.now());
  knex.on('query', (query) => {
    touch();
    if (query.sql === 'COMMIT;') {
      activity.commit = { at: activity.last, rss: rss.peak() };
      rss.reset();
    }
  });
  knex.on('query-response', touch);
  knex.on('query-error', touch);
  return {
    /** The last commit since `since`, if any. */
    commitAfter: (since) => (activity.commit && activity.commit.at > since ? activity.commit : null),
    /** The time of the last query once quiet, or null after `limitMs` of activity. */
    async settle(limitMs) {
      const started = performance.now();
      while (performance.now() - activity.last < QUIET_MS) {
        if (performance.now() - started > limitMs) return null;
        await sleep(SAMPLE_MS);
      }
      return activity.last;
    },
  };
}

/** The measured part, in a fresh process per database: Strapi loaded, then each file imported and re-imported. */
async function measure() {
  const { readImportFile } = require(path.join(root, 'dist', 'src', 'domain', 'import-file'));
  const strapi = await loadStrapi();
  const rss = monitor(process.env.BENCH_OUT);
  const activity = databaseActivity(strapi.db.connection, rss);
  // Written after every step, so that the parent reports what was measured if this process dies.
  const results = { startedRss: mb(process.memoryUsage.rss()), files: [], step: null };
  const save = () => fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(results));
  /** Runs one step: its wall time and the largest RSS meanwhile. */
  const step = async (name, run) => {
    results.step = name;
    save();
    rss.reset();
    const started = performance.now();
    const value = await run();
    return { value, started, ms: performance.now() - started, rss: rss.peak() };
  };
  let abandoned = false;
  try {
    const imports = strapi.plugin('procedure-import').service('imports');
    const { maxBytes, maxRows } = strapi.config.get('plugin::procedure-import');
    const limits = { maxBytes, maxRows };
    for (const file of FILES) {
      const bytes = fs.readFileSync(file);
      const fileName = path.basename(file);
      const entry = { file: fileName, rss: {} };
      results.files.push(entry);
      const log = (text) => console.log(`  ${fileName}: ${text}`);
      entry.readS = seconds((await step(`reading ${fileName}`, () => readImportFile(bytes, limits))).ms);

      const preview = await step(`preview of ${fileName}`, () =>
        imports.preview(bytes, { fileName, userName: 'bench' }, limits)
      );
      if (!preview.value.ok) throw new Error(`${fileName} refused: ${preview.value.message.en}`);
      const { counts } = preview.value.import;
      entry.rows = counts.created + counts.updated + counts.unchanged;
      entry.refused = counts.refused;
      entry.previewS = seconds(preview.ms);
      entry.rss.preview = preview.rss;
      log(`${entry.rows} rows (${entry.refused} refused), preview ${entry.previewS} s`);

      const apply = await step(`apply of ${fileName}`, () =>
        imports.apply(preview.value.import.id, CHOICES, 'bench', { wait: true })
      );
      if (apply.value.state !== 'applied')
        throw new Error(`${fileName}: apply ${apply.value.state}: ${apply.value.error}`);
      // Timed to its commit; what follows is the events'.
      const commit = activity.commitAfter(apply.started);
      entry.applyS = seconds(commit.at - apply.started);
      entry.rss.apply = commit.rss;
      log(`apply ${entry.applyS} s to its commit (${commit.rss} MB); waiting for the after-commit events`);
      results.step = `after-commit events of the apply of ${fileName}`;
      results.watchdog = `the after-commit events still ran ${SETTLE_LIMIT_MS / 1000} s after the commit (BENCH_SETTLE_S): stopped`;
      save();
      rss.arm(SETTLE_LIMIT_MS - (performance.now() - commit.at));
      const quiet = await activity.settle(SETTLE_LIMIT_MS - (performance.now() - commit.at));
      rss.disarm();
      const eventsRss = rss.peak(); // since the commit
      entry.rss.events = eventsRss;
      if (quiet === null) {
        // The events would go on holding the database: a re-import now would measure them, not itself.
        abandoned = true;
        throw new Error(results.watchdog);
      }
      entry.eventsS = seconds(quiet - commit.at);
      log(`after-commit events ${entry.eventsS} s (${eventsRss} MB)`);

      const again = await step(`re-import preview of ${fileName}`, () =>
        imports.preview(bytes, { fileName, userName: 'bench' }, limits)
      );
      const reapply = await step(`re-import apply of ${fileName}`, () =>
        imports.apply(again.value.import.id, CHOICES, 'bench', { wait: true })
      );
      entry.reimportPreviewS = seconds(again.ms);
      entry.reimportApplyS = seconds(reapply.ms);
      entry.reimportS = seconds(again.ms + reapply.ms);
      entry.reimportUnchanged = again.value.import.counts.unchanged;
      entry.rss.reimport = Math.max(again.rss, reapply.rss);
      log(`re-import ${entry.reimportS} s, ${entry.reimportUnchanged} unchanged`);
    }
    results.step = null;
    results.maxRss = mb(process.resourceUsage().maxRSS * 1024);
  } catch (error) {
    results.error = error.message;
    throw error;
  } finally {
    save();
    await rss.stop();
    // Abandoned events would keep Strapi from closing its pool.
    if (!abandoned) await strapi.destroy();
  }
}

async function run(database) {
  if (database === 'postgres') {
    const problem = await unreachable(PG_URL);
    if (problem) {
      console.log(`\nPostgreSQL skipped: ${PG_URL.replace(/\/\/[^@]*@/, '//')} is unreachable (${problem})`);
      return null;
    }
    process.env.DATABASE_URL = PG_URL;
  } else delete process.env.DATABASE_URL;
  const { env, drop } = await freshEnvironment('bench_import');
  const out = path.join(root, '.tmp', 'bench', `import-${database}-${process.pid}.json`);
  const label = database === 'postgres' ? 'PostgreSQL' : 'SQLite';
  console.log(`\n${label}:`);
  try {
    await runChild(__filename, '--measure', { ...env, BENCH_OUT: out });
    return { label, ...JSON.parse(fs.readFileSync(out, 'utf8')) };
  } catch (error) {
    // What was measured before the child died, and where it died.
    const partial = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : { files: [] };
    const failure = `the measuring process ${error.message} during the ${partial.step ?? 'start'}${partial.error ? `: ${partial.error}` : ''}`;
    console.log(`  ${failure}`);
    return { label, ...partial, failure };
  } finally {
    fs.rmSync(out, { force: true });
    if (process.env.BENCH_KEEP_DB) console.log('kept database:', env.DATABASE_FILENAME || env.DATABASE_URL);
    else {
      await drop();
      // A killed process leaves SQLite's write-ahead log behind.
      for (const suffix of ['-wal', '-shm'])
        if (env.DATABASE_FILENAME)
          fs.rmSync(path.join(root, env.DATABASE_FILENAME + suffix), { force: true });
    }
  }
}

const orDash = (value, unit = '') =>
  value === undefined || value === null ? '—' : unit ? `${value}${unit}` : value;

const peakOf = (rss, keys) => {
  const values = keys.map((key) => rss?.[key]).filter((value) => value !== undefined);
  return values.length ? Math.max(...values) : null;
};

function report(runs) {
  const over = `> ${SETTLE_LIMIT_MS / 1000}`;
  console.log(
    `\nOne fresh database each, the files imported in this order, every row applied as a draft. "read s": the file's reader alone (the anchor). "apply s": to its commit. "events s": the Document Service's entry events, which run after the commit until the database is quiet for ${QUIET_MS} ms. "re-import s": preview + apply of the same file. RSS of the whole process, sampled every ${SAMPLE_MS} ms.`
  );
  const ratio = (f) =>
    f.reimportS === undefined ? null : Math.round((f.applyS / Math.max(f.reimportS, 0.1)) * 10) / 10;
  console.table(
    runs.flatMap((r) =>
      r.files.map((f) => ({
        database: r.label,
        file: f.file,
        rows: orDash(f.rows),
        'read s': orDash(f.readS),
        'preview s': orDash(f.previewS),
        'apply s': orDash(f.applyS),
        'events s': f.applyS === undefined ? '—' : orDash(f.eventsS ?? over),
        're-import s':
          f.reimportS === undefined ? '—' : `${f.reimportS} (${f.reimportPreviewS} + ${f.reimportApplyS})`,
        'apply ÷ re-import': orDash(ratio(f), '×'),
        'peak RSS MB': orDash(peakOf(f.rss, ['preview', 'apply', 'reimport'])),
        'events RSS MB': orDash(peakOf(f.rss, ['events'])),
      }))
    )
  );
  for (const r of runs) {
    console.log(
      `${r.label}: ${r.startedRss} MB after Strapi loaded${r.maxRss ? `, maxRSS ${r.maxRss} MB for the whole process` : ''}${r.failure ? `; ${r.failure}` : ''}`
    );
  }

  const targets = [];
  for (const r of runs) {
    const [justice = {}, construction = {}, generated = {}] = r.files;
    const target = (name, measured, met) =>
      targets.push({
        database: r.label,
        target: name,
        measured,
        met: measured === '—' ? 'not measured' : met,
      });
    // An apply costs the server until its after-commit events are done: the next import's preview waits for them.
    const withEvents = (f) =>
      f.applyS === undefined ? '—' : `${f.applyS} s + ${f.eventsS ?? over} s of events`;
    const total = (f) => (f.applyS === undefined || f.eventsS == null ? null : f.applyS + f.eventsS);
    target(
      `preview of a 500-row list < 3 s (${construction.rows ?? 525} rows)`,
      orDash(construction.previewS, ' s'),
      construction.previewS < 3
    );
    for (const f of [justice, construction])
      target(
        `apply < 15 s, events included (${f.rows ?? '—'} rows)`,
        withEvents(f),
        total(f) !== null && total(f) < 15
      );
    const peak = peakOf(generated.rss, ['preview', 'apply', 'events']);
    target(
      `${ROWS} rows applied < 5 min at < 500 MB RSS, events included`,
      generated.applyS === undefined ? '—' : `${withEvents(generated)}, ${peak} MB`,
      total(generated) !== null && total(generated) < 300 && peak < 500
    );
    for (const f of r.files) {
      target(
        `re-import ≥ 5× faster than the first apply, every row unchanged (${f.rows} rows)`,
        f.reimportS === undefined ? '—' : `${ratio(f)}×, ${f.reimportUnchanged}/${f.rows} unchanged`,
        ratio(f) >= 5 && f.reimportUnchanged === f.rows
      );
    }
  }
  console.table(targets);
}

async function main() {
  if (process.argv.includes('--compile')) return require('@strapi/strapi').compileStrapi();
  if (process.argv.includes('--measure')) return measure();
  const started = performance.now();
  await writeList(GENERATED, ROWS);
  console.log(
    `wrote ${ROWS} rows to ${path.relative(root, GENERATED)} (${mb(fs.statSync(GENERATED).size * 10) / 10} MB) in ${seconds(performance.now() - started)} s`
  );
  await runChild(__filename, '--compile', process.env);
  const runs = [];
  for (const database of DATABASES) {
    const result = await run(database);
    if (result) runs.push(result);
  }
  report(runs);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(String(error.stack || error).slice(0, 2000));
    process.exit(1);
  }
);
