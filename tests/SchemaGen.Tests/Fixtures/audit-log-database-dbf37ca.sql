-- The AuditLog sample's database as SchemaGen at commit dbf37ca (the release before checksum versions) left it after
-- 'AuditLog migrate': pg_dump --inserts --no-owner --no-privileges, psql's \restrict lines removed. Its ledger rows carry
-- version-1 checksums and no applied_sql column. Written once; never regenerate it with a newer SchemaGen.
--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: schema_migrations_head_sync(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.schema_migrations_head_sync() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET plan_cache_mode TO 'force_generic_plan'
    AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE "public"."schema_migrations_head" SET row_count = 0, unapplied_count = 0, digest = B'0'::bit(128);
    ELSIF TG_OP = 'INSERT' THEN
        UPDATE "public"."schema_migrations_head" SET row_count = row_count + 1,
            unapplied_count = unapplied_count + (NEW.status IS DISTINCT FROM 'applied')::int,
            digest = digest # ('x' || md5(concat(NEW.number, ':', NEW.migration_name, ':', NEW.checksum)))::bit(128);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE "public"."schema_migrations_head" SET row_count = row_count - 1,
            unapplied_count = unapplied_count - (OLD.status IS DISTINCT FROM 'applied')::int,
            digest = digest # ('x' || md5(concat(OLD.number, ':', OLD.migration_name, ':', OLD.checksum)))::bit(128);
    ELSE
        UPDATE "public"."schema_migrations_head" SET
            unapplied_count = unapplied_count - (OLD.status IS DISTINCT FROM 'applied')::int + (NEW.status IS DISTINCT FROM 'applied')::int,
            digest = digest # ('x' || md5(concat(OLD.number, ':', OLD.migration_name, ':', OLD.checksum)))::bit(128) # ('x' || md5(concat(NEW.number, ':', NEW.migration_name, ':', NEW.checksum)))::bit(128);
    END IF;
    RETURN NULL;
END
$$;


--
-- Name: FUNCTION schema_migrations_head_sync(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.schema_migrations_head_sync() IS 'SchemaGen ledger head, version 2: keeps the head row exact; do not edit';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_logs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_logs (
    id integer NOT NULL,
    username character varying(255) NOT NULL,
    user_id integer,
    event_type character varying(100) NOT NULL,
    message text NOT NULL,
    ip_address character varying(45),
    resource_type character varying(100),
    resource_id character varying(255),
    resource_name character varying(255),
    severity character varying(20) DEFAULT 'info'::character varying,
    extra_data text,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP
);


--
-- Name: audit_logs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_logs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_logs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_logs_id_seq OWNED BY public.audit_logs.id;


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    id integer NOT NULL,
    migration_name character varying(255) NOT NULL,
    applied_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    description text,
    execution_time_ms integer,
    number integer NOT NULL,
    checksum text NOT NULL,
    transactional boolean DEFAULT true NOT NULL,
    status text DEFAULT 'applied'::text NOT NULL,
    error text,
    applied_by text DEFAULT CURRENT_USER NOT NULL,
    baseline boolean DEFAULT false NOT NULL,
    CONSTRAINT schema_migrations_status_check CHECK ((status = ANY (ARRAY['applied'::text, 'running'::text, 'failed'::text])))
);


--
-- Name: schema_migrations_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations_head (
    one boolean DEFAULT true NOT NULL,
    ledger regclass NOT NULL,
    row_count bigint NOT NULL,
    unapplied_count bigint NOT NULL,
    digest bit(128) NOT NULL,
    CONSTRAINT schema_migrations_head_one_check CHECK (one)
);


--
-- Name: TABLE schema_migrations_head; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.schema_migrations_head IS 'SchemaGen: row count and digest of the ledger it names, kept by the trigger schemagen_head on the ledger; do not edit';


--
-- Name: schema_migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.schema_migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: schema_migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.schema_migrations_id_seq OWNED BY public.schema_migrations.id;


--
-- Name: security_events; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.security_events AS
 SELECT audit_logs.id,
    audit_logs.username,
    audit_logs.event_type,
    audit_logs.message,
    audit_logs.ip_address,
    audit_logs.severity,
    audit_logs.created_at
   FROM public.audit_logs
  WHERE ((audit_logs.severity)::text = ANY ((ARRAY['warning'::character varying, 'error'::character varying, 'critical'::character varying])::text[]));


--
-- Name: VIEW security_events; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON VIEW public.security_events IS 'Audit events of severity warning and above';


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    username character varying(255) NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: audit_logs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_logs ALTER COLUMN id SET DEFAULT nextval('public.audit_logs_id_seq'::regclass);


--
-- Name: schema_migrations id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations ALTER COLUMN id SET DEFAULT nextval('public.schema_migrations_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Data for Name: audit_logs; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES (1, '001_users', '2026-12-07 06:01:13.93825+00', 'Add a minimal users table for audit_logs to reference', 27, 1, 'sha256:a49578bd584ddabdc2f584f67af45e4f8289ec76c9e3e9aab116cc50aca681e4', true, 'applied', NULL, 'postgres', false);
INSERT INTO public.schema_migrations VALUES (2, '002_audit_log', '2026-12-07 06:01:13.978981+00', 'Add audit_logs table for tracking user activities and system events', 67, 2, 'sha256:93b90a577292b4f48e263d6ad0f864abe51070980076be36162d47b135b49812', true, 'applied', NULL, 'postgres', false);
INSERT INTO public.schema_migrations VALUES (3, '003_security_events', '2026-12-07 06:01:14.043546+00', 'Add a view of the security-relevant audit events', 2, 3, 'sha256:16b5fa54397249b2c929724e163f6218e610aa17e5bdf43264f5e06b644bf2ec', true, 'applied', NULL, 'postgres', false);


--
-- Data for Name: schema_migrations_head; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations_head VALUES (true, 'public.schema_migrations', 3, 0, B'00111111111101011101010001110101101111111100011101010100101100111001111101101110101000101110010110101000101111010001011011010011');


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: audit_logs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_logs_id_seq', 1, false);


--
-- Name: schema_migrations_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.schema_migrations_id_seq', 3, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 1, false);


--
-- Name: audit_logs audit_logs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_logs
    ADD CONSTRAINT audit_logs_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations_head schema_migrations_head_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations_head
    ADD CONSTRAINT schema_migrations_head_pkey PRIMARY KEY (one);


--
-- Name: schema_migrations schema_migrations_migration_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_migration_name_key UNIQUE (migration_name);


--
-- Name: schema_migrations schema_migrations_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_number_key UNIQUE (number);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_username_key UNIQUE (username);


--
-- Name: idx_audit_logs_event_type_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_audit_logs_event_type_created_at ON public.audit_logs USING btree (event_type, created_at);


--
-- Name: idx_audit_logs_resource; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_audit_logs_resource ON public.audit_logs USING btree (resource_type, resource_id);


--
-- Name: idx_audit_logs_severity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_audit_logs_severity ON public.audit_logs USING btree (severity);


--
-- Name: idx_audit_logs_username_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_audit_logs_username_created_at ON public.audit_logs USING btree (username, created_at);


--
-- Name: schema_migrations schemagen_head; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER schemagen_head AFTER INSERT OR DELETE OR UPDATE OF number, migration_name, checksum, status ON public.schema_migrations FOR EACH ROW EXECUTE FUNCTION public.schema_migrations_head_sync();

ALTER TABLE public.schema_migrations ENABLE ALWAYS TRIGGER schemagen_head;


--
-- Name: schema_migrations schemagen_head_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER schemagen_head_truncate AFTER TRUNCATE ON public.schema_migrations FOR EACH STATEMENT EXECUTE FUNCTION public.schema_migrations_head_sync();

ALTER TABLE public.schema_migrations ENABLE ALWAYS TRIGGER schemagen_head_truncate;


--
-- Name: audit_logs audit_logs_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_logs
    ADD CONSTRAINT audit_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- PostgreSQL database dump complete
--


